import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ActorType } from '../tenancy/actor';

/** One event as every channel carries it (DESIGN §4 "Events and integration"). */
export interface FeedEvent {
  readonly id: string;
  /** Decimal text: a bigint, in commit order across the whole outbox. */
  readonly sequence: string;
  readonly type: string;
  readonly version: number;
  readonly occurredAt: Date;
  readonly tenantId: string;
  readonly organizationId: string | null;
  readonly entity: string;
  readonly entityId: string | null;
  readonly actor: { readonly type: ActorType; readonly id: string | null } | null;
  readonly requestId: string | null;
  readonly data: Record<string, unknown> | null;
  readonly previous: Record<string, unknown> | null;
  readonly changedFields: readonly string[] | null;
}

export interface FeedQuery {
  readonly tenantId: string;
  /** The last sequence read (decimal text); `'0'` from the start. */
  readonly after: string;
  readonly limit: number;
}

interface FeedRow {
  id: string;
  sequence: string;
  type: string;
  version: number;
  occurred_at: Date;
  tenant_id: string;
  organization_id: string | null;
  entity: string;
  entity_id: string | null;
  actor_type: ActorType | null;
  actor_id: string | null;
  request_id: string | null;
  data: Record<string, unknown> | null;
  previous: Record<string, unknown> | null;
  changed_fields: string[] | null;
}

/**
 * A tenant's sequenced events after a sequence. A reader resuming at its last `sequence` misses
 * nothing: sequences are assigned in commit order (`OutboxSequencer`). Unsequenced events (just
 * committed) appear on a later read.
 */
@Injectable()
export class OutboxFeed {
  constructor(private readonly dataSource: DataSource) {}

  async read({ tenantId, after, limit }: FeedQuery): Promise<FeedEvent[]> {
    const rows: FeedRow[] = await this.dataSource.query(
      `SELECT id, sequence::text AS sequence, type, version, occurred_at, tenant_id, organization_id, entity,
              entity_id, actor_type, actor_id, request_id, data, previous, changed_fields
         FROM outbox_event
        WHERE tenant_id = $1 AND outbox_event.sequence > $2
        -- The column, not the text alias of the same name (which would sort '10' before '9').
        ORDER BY outbox_event.sequence
        LIMIT $3`,
      [tenantId, after, limit],
    );
    return rows.map((row) => ({
      id: row.id,
      sequence: row.sequence,
      type: row.type,
      version: row.version,
      occurredAt: row.occurred_at,
      tenantId: row.tenant_id,
      organizationId: row.organization_id,
      entity: row.entity,
      entityId: row.entity_id,
      actor: row.actor_type === null ? null : { type: row.actor_type, id: row.actor_id },
      requestId: row.request_id,
      data: row.data,
      previous: row.previous,
      changedFields: row.changed_fields,
    }));
  }
}
