import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { JobRegistry } from '../scheduler/job-registry';
import { eventEnvelope, type OutboxEventRow, outboxEventColumns } from './event-envelope';
import { type EventStreamPublisher, eventSubject } from './event-stream-publisher';
import { JetStreamPublisher } from './jetstream-publisher';

const BATCH = 500;

/**
 * Publishes sequenced, unpublished outbox events to the event stream in sequence order, when
 * `NATS_URL` is set. A scheduler job: one process relays at a time (its advisory lock), and
 * another takes over on its next period when that process dies. A publish that fails stops the
 * run (order is kept; the rest waits in the table, writes go on). `published_at` commits with
 * the run, so a crash between the stream's ack and the commit republishes those events, which
 * the stream drops by their id.
 */
@Injectable()
export class OutboxRelayJob implements OnModuleInit {
  static readonly NAME = 'outbox.relay';
  private readonly logger = new Logger('OutboxRelay');

  constructor(
    private readonly jobs: JobRegistry,
    private readonly publisher: JetStreamPublisher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    if (this.config.natsUrl === undefined) return;
    this.jobs.register({
      name: OutboxRelayJob.NAME,
      everyMs: this.config.scheduler.outboxRelayIntervalMs,
      run: async ({ manager }) => {
        await this.relay(manager, this.publisher);
      },
    });
  }

  /**
   * Publishes what is ready; returns how many events were published. Ordered by the column, not
   * the selected `sequence::text` (whose text order puts 10 before 8).
   */
  async relay(manager: EntityManager, publisher: EventStreamPublisher): Promise<number> {
    const rows: OutboxEventRow[] = await manager.query(
      `SELECT ${outboxEventColumns()} FROM outbox_event
        WHERE outbox_event.sequence IS NOT NULL AND published_at IS NULL
        ORDER BY outbox_event.sequence LIMIT $1`,
      [BATCH],
    );
    const published: string[] = [];
    for (const row of rows) {
      const event = eventEnvelope(row);
      try {
        await publisher.publish(eventSubject(event), event);
      } catch (failure: unknown) {
        this.logger.warn({ err: failure, eventId: event.id }, 'Event stream unavailable; events wait in the outbox');
        break;
      }
      published.push(event.id);
    }
    if (published.length > 0) {
      await manager.query(`UPDATE outbox_event SET published_at = now() WHERE id = ANY($1::uuid[])`, [published]);
    }
    return published.length;
  }
}
