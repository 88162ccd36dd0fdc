import { ApiProperty } from '@nestjs/swagger';
import type { ActorType } from '../tenancy/actor';

/** Who made the change: a user, an API key, or the system (no id). */
export class EventActor {
  @ApiProperty({ enum: ['user', 'api_key', 'system', 'anonymous'] })
  type: ActorType;
  /** The user or API key; null for the system. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  id: string | null;
}

/**
 * One event as every channel carries it: the change feed (`GET /api/events`), webhooks and
 * JetStream. Built by `eventEnvelope` only, so the channels cannot drift apart.
 */
export class ClienteleEvent {
  /** Unique per event: webhook `Clientele-Event-Id`, JetStream `Nats-Msg-Id`; deduplicate on it. */
  @ApiProperty({ format: 'uuid' })
  id: string;
  /** Commit order across the outbox, as decimal text (a bigint); resume the feed with `after=<sequence>`. */
  @ApiProperty({ example: '1042', pattern: '^[0-9]+$' })
  sequence: string;
  /** `<entity>.<verb>`, e.g. `contact.updated`. */
  @ApiProperty({ example: 'contact.updated' })
  type: string;
  /** The payload's version for this type: a shape change is a new version, never a silent one. */
  version: number;
  @ApiProperty({ type: String, format: 'date-time' })
  occurredAt: string;
  @ApiProperty({ format: 'uuid' })
  tenantId: string;
  /** Null for tenant-wide records. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  organizationId: string | null;
  /** The kind of record, e.g. `contact`, `membership`. */
  @ApiProperty({ example: 'contact' })
  entity: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  entityId: string | null;
  @ApiProperty({ type: EventActor, nullable: true })
  actor: EventActor | null;
  /** The request that made the change (also in the logs and the audit trail). */
  @ApiProperty({ type: String, nullable: true })
  requestId: string | null;
  /** The whole record after the change; null for a deletion. */
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  data: Record<string, unknown> | null;
  /** The record before the change; null for a creation. */
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  previous: Record<string, unknown> | null;
  /** The top-level fields whose values differ between `previous` and `data`; null for a creation or deletion. */
  @ApiProperty({ type: [String], nullable: true })
  changedFields: string[] | null;
}

/** An `outbox_event` row as `OUTBOX_EVENT_COLUMNS` selects it. */
export interface OutboxEventRow {
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

/** The select list of an `OutboxEventRow` (qualify with `alias` when the query joins). */
export function outboxEventColumns(alias = 'outbox_event'): string {
  return [
    'id',
    'sequence::text AS sequence',
    'type',
    'version',
    'occurred_at',
    'tenant_id',
    'organization_id',
    'entity',
    'entity_id',
    'actor_type',
    'actor_id',
    'request_id',
    'data',
    'previous',
    'changed_fields',
  ]
    .map((column) => `${alias}.${column}`)
    .join(', ');
}

function without(record: Record<string, unknown> | null, omitted: ReadonlySet<string>): Record<string, unknown> | null {
  if (record === null || omitted.size === 0) return record;
  return Object.fromEntries(Object.entries(record).filter(([key]) => !omitted.has(key)));
}

/**
 * The event of an outbox row, in the one shape every channel sends. `omitFields` leaves
 * fields out of `data`, `previous` and `changedFields` (a subscription that must not receive
 * e-mail addresses or phone numbers).
 */
export function eventEnvelope(row: OutboxEventRow, omitFields: readonly string[] = []): ClienteleEvent {
  const omitted = new Set(omitFields);
  return {
    id: row.id,
    sequence: row.sequence,
    type: row.type,
    version: row.version,
    occurredAt: row.occurred_at.toISOString(),
    tenantId: row.tenant_id,
    organizationId: row.organization_id,
    entity: row.entity,
    entityId: row.entity_id,
    actor: row.actor_type === null ? null : { type: row.actor_type, id: row.actor_id },
    requestId: row.request_id,
    data: without(row.data, omitted),
    previous: without(row.previous, omitted),
    changedFields: row.changed_fields === null ? null : row.changed_fields.filter((field) => !omitted.has(field)),
  };
}
