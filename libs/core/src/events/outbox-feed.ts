import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type ClienteleEvent, eventEnvelope, type OutboxEventRow, outboxEventColumns } from './event-envelope';
import { eventTypeLike } from './event-type-pattern';
import type { VisibleEventScopes } from './event-visibility';

/** One event as every channel carries it (DESIGN §4 "Events and integration"). */
export type FeedEvent = ClienteleEvent;

export interface FeedQuery {
  readonly tenantId: string;
  /** The last sequence read (decimal text); `'0'` from the start. */
  readonly after: string;
  readonly limit: number;
  /** Type patterns (`contact.*`); any type when left out. */
  readonly types?: readonly string[];
  /** Only these (entity, organization) pairs; every event of the tenant when left out (internal readers). */
  readonly visible?: VisibleEventScopes;
}

/** How often a long poll looks again: the sequencer runs about every second. */
const POLL_MS = 250;

/**
 * A tenant's sequenced events after a sequence. A reader resuming at its last `sequence` misses
 * nothing: sequences are assigned in commit order (`OutboxSequencer`). Unsequenced events (just
 * committed) appear on a later read.
 */
@Injectable()
export class OutboxFeed implements BeforeApplicationShutdown {
  private stopping = false;

  constructor(private readonly dataSource: DataSource) {}

  /** Long polls answer at once from here on, so shutdown does not wait for them. */
  beforeApplicationShutdown(): void {
    this.stopping = true;
  }

  async read({ tenantId, after, limit, types, visible }: FeedQuery): Promise<FeedEvent[]> {
    const rows: OutboxEventRow[] = await this.dataSource.query(
      `SELECT ${outboxEventColumns()}
         FROM outbox_event
        WHERE tenant_id = $1 AND outbox_event.sequence > $2
          AND ($4::text[] IS NULL OR type LIKE ANY($4::text[]))
          AND ($5::text[] IS NULL
               OR (entity, organization_id) IN (SELECT * FROM unnest($5::text[], $6::uuid[])))
        -- The column, not the text alias of the same name (which would sort '10' before '9').
        ORDER BY outbox_event.sequence
        LIMIT $3`,
      [
        tenantId,
        after,
        limit,
        types === undefined ? null : types.map((pattern) => eventTypeLike(pattern)),
        visible === undefined ? null : visible.entities,
        visible === undefined ? null : visible.organizationIds,
      ],
    );
    return rows.map((row) => eventEnvelope(row));
  }

  /**
   * `read`, waiting up to `waitMs` for a first event when there is none yet (a long poll);
   * `aborted` ends the wait early (the client went away).
   */
  async readOrWait(query: FeedQuery, waitMs: number, aborted: () => boolean = () => false): Promise<FeedEvent[]> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const events = await this.read(query);
      if (events.length > 0 || this.stopping || aborted() || Date.now() + POLL_MS > deadline) return events;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /**
   * The highest sequence retention has deleted (`'0'` when none): events at or below it may be
   * gone, so a reader asking for `after` below it has missed some.
   */
  async purgedThrough(): Promise<string> {
    const rows: { purged_through: string }[] = await this.dataSource.query(
      `SELECT purged_through::text AS purged_through FROM outbox_retention`,
    );
    return rows[0]?.purged_through ?? '0';
  }
}
