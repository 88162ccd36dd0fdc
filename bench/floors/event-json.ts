type Row = Record<string, unknown>;

/** The change feed's select list, as `outboxEventColumns()` writes it. */
export const FEED_EVENT_COLUMNS =
  'outbox_event.id, outbox_event.sequence::text AS sequence, outbox_event.type, outbox_event.version, outbox_event.occurred_at, outbox_event.tenant_id, outbox_event.organization_id, outbox_event.entity, outbox_event.entity_id, outbox_event.actor_type, outbox_event.actor_id, outbox_event.request_id, outbox_event.data, outbox_event.previous, outbox_event.changed_fields';

/** One outbox row as the event envelope (`ClienteleEvent`) writes it, field for field. */
export function eventJson(row: Row): Record<string, unknown> {
  const actorType = row.actor_type as string | null;
  return {
    id: row.id,
    sequence: row.sequence,
    type: row.type,
    version: row.version,
    occurredAt: (row.occurred_at as Date).toISOString(),
    tenantId: row.tenant_id,
    organizationId: row.organization_id,
    entity: row.entity,
    entityId: row.entity_id,
    actor: actorType === null ? null : { type: actorType, id: row.actor_id },
    requestId: row.request_id,
    data: row.data,
    previous: row.previous,
    changedFields: row.changed_fields,
  };
}

/** A feed page: its events and where the next read resumes. */
export function feedPage(rows: readonly Row[], after: string): Record<string, unknown> {
  const items = rows.map(eventJson);
  return { items, nextAfter: items.at(-1)?.sequence ?? after };
}
