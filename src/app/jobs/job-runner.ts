import type { Clock } from '../../domain/clock.js';
import type { JobRecord, Store } from '../ports.js';
import type { JobHandler } from './job-queue.js';
import { retryDelayMs } from './job-queue.js';

export interface JobRunnerOptions {
  workerId: string;
  /** How long a claimed job stays leased before another worker may take it over. */
  leaseMs?: number;
  batchSize?: number;
  onError?: (job: JobRecord, error: unknown) => void;
}

/**
 * Runs due jobs with their handlers. `runDue()` does one pass and is what tests call with a manual clock;
 * `start()` polls in the background for the server.
 */
export class JobRunner {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly deps: { store: Store; clock: Clock },
    private readonly handlers: Readonly<Record<string, JobHandler>>,
    private readonly options: JobRunnerOptions,
  ) {}

  /** Claims and runs every job due now; returns how many ran. */
  async runDue(): Promise<number> {
    const { store, clock } = this.deps;
    const leaseMs = this.options.leaseMs ?? 5 * 60_000;
    let ran = 0;
    for (;;) {
      const now = clock.now();
      const jobs = await store.jobs.claimDue(
        now.toISOString(),
        this.options.workerId,
        this.options.batchSize ?? 10,
        new Date(now.getTime() + leaseMs).toISOString(),
      );
      if (jobs.length === 0) return ran;
      for (const job of jobs) {
        await this.runOne(job);
        ran += 1;
      }
    }
  }

  private async runOne(job: JobRecord): Promise<void> {
    const { store, clock } = this.deps;
    const handler = this.handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(job);
      await store.jobs.markSucceeded(job.id, clock.now().toISOString());
    } catch (error) {
      this.options.onError?.(job, error);
      const now = clock.now();
      const message = error instanceof Error ? error.message : String(error);
      const retryAt =
        handler && job.attempts < job.maxAttempts
          ? new Date(now.getTime() + retryDelayMs(job.attempts)).toISOString()
          : null;
      await store.jobs.markFailed(job.id, now.toISOString(), message.slice(0, 2000), retryAt);
    }
  }

  /** Polls every `intervalMs` until stopped. */
  start(intervalMs: number): void {
    const tick = () => {
      this.running = this.runDue().catch((error: unknown) => {
        this.options.onError?.({ id: '-', kind: 'poll' } as JobRecord, error);
        return 0;
      });
      void this.running.finally(() => {
        if (this.timer !== undefined) this.timer = setTimeout(tick, intervalMs);
      });
    };
    this.timer = setTimeout(tick, intervalMs);
  }

  /** Stops polling and waits for the pass in progress. */
  async stop(): Promise<void> {
    const timer = this.timer;
    this.timer = undefined;
    if (timer) clearTimeout(timer);
    await this.running;
  }
}
