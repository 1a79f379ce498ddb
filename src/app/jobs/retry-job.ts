import type { Actor } from '../../domain/actor.js';
import { DomainError } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import type { Deps, JobRecord } from '../ports.js';

/** Queues a failed job again, with a fresh set of attempts. */
export async function retryJob(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  jobId: string,
): Promise<JobRecord> {
  authorize(actor, 'jobs.manage');
  const at = deps.clock.now().toISOString();
  return deps.store.transaction(async (tx) => {
    const job = await tx.jobs.findById(jobId);
    if (!job) throw new DomainError('NOT_FOUND', 'No such job.');
    if (job.status !== 'failed') {
      throw new DomainError('CONFLICT', `Only a failed job can be retried; this one is ${job.status}.`);
    }
    await tx.jobs.requeue(job.id, at);
    await tx.audit.append(actor, at, {
      type: 'job.retried',
      subjectType: 'job',
      subjectId: job.id,
      data: { kind: job.kind },
    });
    return { ...job, status: 'queued', attempts: 0, runAt: at, lastError: job.lastError, updatedAt: at };
  });
}
