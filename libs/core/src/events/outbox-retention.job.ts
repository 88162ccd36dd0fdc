import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { JobRegistry } from '../scheduler/job-registry';

/** Rows one statement deletes: short statements, short locks. */
const BATCH = 1_000;
/** Batches one run deletes at most; the rest waits for the next run. */
const MAX_BATCHES = 50;

/**
 * Deletes sequenced events older than the retention (`OUTBOX_RETENTION_HOURS`), oldest first,
 * in batches, and records the highest sequence deleted (`outbox_retention.purged_through`): the
 * feed answers 410 below it. An event is kept while a webhook delivery of it is still pending,
 * and, with JetStream on, until the relay has published it.
 */
@Injectable()
export class OutboxRetentionJob implements OnModuleInit {
  static readonly NAME = 'outbox.retention';

  constructor(
    private readonly jobs: JobRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: OutboxRetentionJob.NAME,
      everyMs: this.config.scheduler.outboxRetentionIntervalMs,
      run: async ({ manager }) => {
        await this.purge(manager);
      },
    });
  }

  /** Deletes what is past the retention; returns how many events. */
  async purge(manager: EntityManager): Promise<number> {
    const [{ cutoff }] = await manager.query<{ cutoff: string | null }[]>(
      `SELECT LEAST(
                (SELECT max(sequence) FROM outbox_event
                  WHERE sequence IS NOT NULL AND occurred_at < now() - make_interval(hours => $1)),
                (SELECT min(event.sequence) - 1 FROM outbox_delivery delivery
                   JOIN outbox_event event ON event.tenant_id = delivery.tenant_id AND event.id = delivery.outbox_event_id
                  WHERE delivery.status = 'PENDING'),
                CASE WHEN $2 THEN (SELECT min(sequence) - 1 FROM outbox_event
                                    WHERE sequence IS NOT NULL AND published_at IS NULL) END
              )::text AS cutoff`,
      [this.config.outboxRetentionHours, this.config.nats.url !== undefined],
    );
    if (cutoff === null) return 0;
    let deleted = 0;
    for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
      const [{ n, top }] = await manager.query<{ n: number; top: string | null }[]>(
        `WITH gone AS (
           DELETE FROM outbox_event WHERE position IN (
             SELECT position FROM outbox_event WHERE sequence IS NOT NULL AND sequence <= $1 ORDER BY sequence LIMIT $2
           ) RETURNING sequence
         ), marked AS (
           UPDATE outbox_retention SET purged_through = GREATEST(purged_through, (SELECT max(sequence) FROM gone))
            WHERE EXISTS (SELECT 1 FROM gone)
         )
         SELECT count(*)::int AS n, max(sequence)::text AS top FROM gone`,
        [cutoff, BATCH],
      );
      deleted += n;
      if (top === null || n < BATCH) break;
    }
    return deleted;
  }
}
