import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { JobRegistry } from '../scheduler/job-registry';
import type { JobContext } from '../scheduler/scheduled-job';
import { IDEMPOTENCY_RETENTION } from './idempotency';

/** Rows deleted per run at most, so the run's transaction (and its lock) stays short. */
const BATCH = 10_000;

/**
 * Forgets idempotency keys older than a day, across tenants: housekeeping off the request path
 * (a claim treats an expired key as absent, so a late clean-up changes no answer).
 */
@Injectable()
export class IdempotencyCleanupJob implements OnModuleInit {
  static readonly NAME = 'idempotency.cleanup';

  constructor(
    private readonly jobs: JobRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: IdempotencyCleanupJob.NAME,
      everyMs: this.config.scheduler.idempotencyCleanupIntervalMs,
      run: (context) => this.run(context),
    });
  }

  async run({ manager }: JobContext): Promise<void> {
    await manager.query(
      `DELETE FROM idempotency_key WHERE ctid IN (
         SELECT ctid FROM idempotency_key WHERE created_at < now() - interval '${IDEMPOTENCY_RETENTION}' LIMIT $1
       )`,
      [BATCH],
    );
  }
}
