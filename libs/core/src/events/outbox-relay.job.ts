import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { JobRegistry } from '../scheduler/job-registry';
import { eventEnvelope, type OutboxEventRow, outboxEventColumns } from './event-envelope';
import { type EventStreamPublisher, eventSubject } from './event-stream-publisher';
import { JetStreamPublisher } from './jetstream-publisher';

/** Events read and marked at once. */
const BATCH = 500;
/** No new batch starts after this much of a run (the run holds its job transaction and lock). */
const RUN_BUDGET_MS = 2_000;

/**
 * Publishes sequenced, unpublished outbox events to the event stream in sequence order, when
 * `NATS_URL` is set. A scheduler job: one process relays at a time (the job's advisory
 * transaction lock), and another takes over on its next tick when that process dies (its
 * connection ends, PostgreSQL drops the lock and rolls the run back).
 *
 * Each publish waits for the stream's ack before the next: a publish that fails stops the run,
 * so nothing after it reaches the stream first (order is kept; the rest waits in the table,
 * writes go on). `published_at` commits with the run, so a crash between the stream's ack and
 * the commit republishes those events, which the stream drops by their id. On shutdown
 * (`signal`), the publish in hand finishes and the run commits what went out.
 */
@Injectable()
export class OutboxRelayJob implements OnModuleInit {
  static readonly NAME = 'outbox.relay';

  constructor(
    private readonly jobs: JobRegistry,
    private readonly publisher: JetStreamPublisher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    if (this.config.nats.url === undefined) return;
    this.jobs.register({
      name: OutboxRelayJob.NAME,
      everyMs: this.config.scheduler.outboxRelayIntervalMs,
      run: async ({ manager, signal }) => {
        await this.relay(manager, this.publisher, signal);
      },
    });
  }

  /** Publishes what is ready, batch after batch within the run's budget; returns how many events were published. */
  async relay(manager: EntityManager, publisher: EventStreamPublisher, signal?: AbortSignal): Promise<number> {
    const deadline = Date.now() + RUN_BUDGET_MS;
    let total = 0;
    for (;;) {
      const { published, complete } = await this.batch(manager, publisher, signal);
      total += published;
      if (!complete || published < BATCH || Date.now() > deadline || signal?.aborted === true) return total;
    }
  }

  private async batch(
    manager: EntityManager,
    publisher: EventStreamPublisher,
    signal: AbortSignal | undefined,
  ): Promise<{ published: number; complete: boolean }> {
    // Qualified: a bare `sequence` would sort by the select list's text alias ('10' < '9').
    const rows: OutboxEventRow[] = await manager.query(
      `SELECT ${outboxEventColumns()} FROM outbox_event
        WHERE sequence IS NOT NULL AND published_at IS NULL
        ORDER BY outbox_event.sequence LIMIT $1`,
      [BATCH],
    );
    const published: string[] = [];
    let complete = true;
    for (const row of rows) {
      if (signal?.aborted === true) {
        complete = false;
        break;
      }
      const event = eventEnvelope(row);
      try {
        await publisher.publish(eventSubject(event, this.config.nats.subjectPrefix), event);
      } catch {
        // The stream is unavailable: the rest waits for the next run, behind this one.
        complete = false;
        break;
      }
      published.push(event.sequence);
    }
    if (published.length > 0) {
      await manager.query(
        `UPDATE outbox_event SET published_at = now() WHERE sequence IS NOT NULL AND published_at IS NULL AND sequence = ANY($1::bigint[])`,
        [published],
      );
    }
    return { published: published.length, complete };
  }
}
