import type { Actor } from '../../domain/actor.js';
import { authorize } from '../../domain/policy.js';
import type { Deps, JobRecord, JobStatus } from '../ports.js';

/** Background jobs, most recently changed first (failed ones show their last error). */
export async function listJobs(
  deps: Pick<Deps, 'store'>,
  actor: Actor,
  filter: { status?: JobStatus | undefined; limit: number },
): Promise<JobRecord[]> {
  authorize(actor, 'jobs.manage');
  return deps.store.jobs.list(filter);
}
