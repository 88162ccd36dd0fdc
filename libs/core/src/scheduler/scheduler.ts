import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { JobRegistry } from './job-registry';
import type { JobOutcome, ScheduledJob } from './scheduled-job';

/**
 * A run is due when the last one (by any process) started at least this share of `everyMs` ago:
 * a process ticking on time still runs, a second process ticking just after it skips.
 */
const DUE_SHARE = 0.8;

/**
 * Runs the registered jobs in this process, each every `everyMs`, with leader election per run:
 * a run opens a transaction and takes `pg_try_advisory_xact_lock` on the job's name, so two API
 * processes never run one job at once (the other skips: `BUSY`), and skips when another process
 * ran it recently (`NOT_DUE`). The job works in that transaction; its `scheduled_job` row (last
 * run, status, error, count) is written there too. Timers are unref'd and stop on shutdown,
 * which waits for the runs in flight.
 */
@Injectable()
export class Scheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Scheduler');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<JobOutcome>>();
  private stopped = false;
  private stopping = new AbortController();

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: JobRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.scheduler.enabled) this.start();
  }

  /** Before the pool closes (TypeORM closes it in `onApplicationShutdown`). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** Starts every registered job's timer (the first run after one period). */
  start(): void {
    this.stopped = false;
    if (this.stopping.signal.aborted) this.stopping = new AbortController();
    for (const job of this.registry.all()) this.schedule(job);
  }

  /** Stops the timers, tells the runs in flight to wrap up (`JobContext.signal`) and waits for them. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.stopping.abort();
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.inFlight]);
  }

  /** One attempt at the named job, now: what the timers call, and what tests call. */
  runOnce(name: string): Promise<JobOutcome> {
    const job = this.registry.get(name);
    if (job === undefined) throw new Error(`No scheduled job ${name}`);
    const attempt = this.attempt(job);
    this.inFlight.add(attempt);
    void attempt.finally(() => this.inFlight.delete(attempt));
    return attempt;
  }

  private schedule(job: ScheduledJob): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      void this.runOnce(job.name).finally(() => this.schedule(job));
    }, job.everyMs);
    // Never what keeps the process alive.
    timer.unref();
    this.timers.set(job.name, timer);
  }

  private async attempt(job: ScheduledJob): Promise<JobOutcome> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const [{ locked }] = await manager.query<{ locked: boolean }[]>(
          `SELECT pg_try_advisory_xact_lock(hashtext('clientele.job:' || $1)) AS locked`,
          [job.name],
        );
        if (!locked) return 'BUSY';
        const [{ due }] = await manager.query<{ due: boolean }[]>(
          `SELECT NOT EXISTS (
             SELECT 1 FROM scheduled_job
              WHERE name = $1 AND last_run_at > now() - make_interval(secs => $2::double precision / 1000)
           ) AS due`,
          [job.name, job.everyMs * DUE_SHARE],
        );
        if (!due) return 'NOT_DUE';
        const started = Date.now();
        let error: string | null = null;
        // A failing job rolls back its own work only: the run is still recorded, as FAILED.
        await manager.query('SAVEPOINT scheduled_job_run');
        try {
          await job.run({ manager, signal: this.stopping.signal });
          await manager.query('RELEASE SAVEPOINT scheduled_job_run');
        } catch (failure: unknown) {
          await manager.query('ROLLBACK TO SAVEPOINT scheduled_job_run');
          error = failure instanceof Error ? failure.message : String(failure);
          this.logger.error({ err: failure, job: job.name }, 'Scheduled job failed');
        }
        const status: JobOutcome = error === null ? 'SUCCEEDED' : 'FAILED';
        await manager.query(
          `INSERT INTO scheduled_job AS job (name, last_run_at, last_status, last_error, last_duration_ms, run_count)
           VALUES ($1, now(), $2, $3, $4, 1)
           ON CONFLICT (name) DO UPDATE SET last_run_at = now(), last_status = $2, last_error = $3,
             last_duration_ms = $4, run_count = job.run_count + 1`,
          [job.name, status, error, Date.now() - started],
        );
        return status;
      });
    } catch (failure: unknown) {
      // The database is away (or shutting down): try again next period.
      this.logger.warn({ err: failure, job: job.name }, 'Scheduled job could not run');
      return 'FAILED';
    }
  }
}
