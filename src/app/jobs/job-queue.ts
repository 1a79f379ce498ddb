import type { JobRecord, Repositories } from '../ports.js';
import { newId } from '../tokens.js';

/**
 * Queues background work inside the caller's transaction, so the job exists exactly when the change that
 * asked for it does.
 */
export async function enqueueJob(
  tx: Pick<Repositories, 'jobs'>,
  at: Date,
  job: { kind: string; payload: unknown; runAt?: Date | undefined; maxAttempts?: number | undefined },
): Promise<string> {
  const id = newId();
  await tx.jobs.enqueue({
    id,
    kind: job.kind,
    payload: job.payload,
    runAt: (job.runAt ?? at).toISOString(),
    maxAttempts: job.maxAttempts ?? 8,
    createdAt: at.toISOString(),
  });
  return id;
}

/** Exponential backoff: 10 s, 20 s, 40 s, ... capped at one hour. */
export function retryDelayMs(attempt: number): number {
  return Math.min(3_600_000, 10_000 * 2 ** Math.max(0, attempt - 1));
}

/** A handler for one kind of job. Throwing means the attempt failed and will be retried. */
export type JobHandler = (job: JobRecord) => Promise<void>;
