import type { EntityManager } from 'typeorm';

/** What a job run gets: the transaction that holds the job's lock; its writes commit with the run's record. */
export interface JobContext {
  readonly manager: EntityManager;
  /**
   * Aborted when the process shuts down: a job finishes the unit of work in hand (a publish, a
   * delivery), starts no other, and returns, so its transaction commits what it did.
   */
  readonly signal: AbortSignal;
}

/** Work the scheduler runs every `everyMs`, on one API process at a time. */
export interface ScheduledJob {
  /** Stable and unique: the lock key and the `scheduled_job` row. `<area>.<what>`, e.g. `outbox.sequence`. */
  readonly name: string;
  readonly everyMs: number;
  run(context: JobContext): Promise<void>;
}

/** What one attempt did: ran (or failed), or skipped because another process holds it or ran it recently. */
export type JobOutcome = 'SUCCEEDED' | 'FAILED' | 'BUSY' | 'NOT_DUE';
