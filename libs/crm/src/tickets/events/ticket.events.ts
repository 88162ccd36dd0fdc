import {
  defineEvent,
  EventVisibilities,
  type Infer,
  ORGANIZATION_RECORD_FIELDS,
  organizationRecordSnapshot,
  Permission,
  schema,
  type Transaction,
} from '@clientele/core';
import type { TicketEntity } from '../entities/ticket.entity';
import { TICKET_PRIORITIES, TICKET_STATUSES } from '../ticket-status';

/**
 * A ticket as audit entries and events carry it: its columns, its tag ids and its linked
 * contact ids (no contact e-mail or phone, as GitLab's webhook payloads leave them out).
 */
export const TICKET_SNAPSHOT = schema.object({
  ...ORGANIZATION_RECORD_FIELDS,
  title: schema.string(),
  description: schema.nullable(schema.string()),
  status: schema.enum(...TICKET_STATUSES),
  priority: schema.enum(...TICKET_PRIORITIES),
  customerId: schema.nullable(schema.uuid()),
  assigneeId: schema.nullable(schema.uuid()),
  resolvedAt: schema.nullable(schema.timestamp()),
  closedAt: schema.nullable(schema.timestamp()),
  tagIds: schema.array(schema.uuid()),
  contactIds: schema.array(schema.uuid()),
});
export type TicketSnapshot = Infer<typeof TICKET_SNAPSHOT>;

/** The links a snapshot lists, as ids. */
export interface TicketLinks {
  readonly tagIds: readonly string[];
  readonly contactIds: readonly string[];
}

export function ticketSnapshot(ticket: TicketEntity, links: TicketLinks): TicketSnapshot {
  return {
    ...organizationRecordSnapshot(ticket),
    title: ticket.title,
    description: ticket.description ?? null,
    status: ticket.status,
    priority: ticket.priority,
    customerId: ticket.customerId ?? null,
    assigneeId: ticket.assigneeId ?? null,
    resolvedAt: ticket.resolvedAt ?? null,
    closedAt: ticket.closedAt ?? null,
    tagIds: [...links.tagIds].sort(),
    contactIds: [...links.contactIds].sort(),
  };
}

export const TicketCreated = defineEvent('ticket.created', 1, TICKET_SNAPSHOT);
export const TicketUpdated = defineEvent('ticket.updated', 1, TICKET_SNAPSHOT);
export const TicketDeleted = defineEvent('ticket.deleted', 1, TICKET_SNAPSHOT);
/** The status moved (alone or with other fields of the same PATCH). */
export const TicketStatusChanged = defineEvent('ticket.status_changed', 1, TICKET_SNAPSHOT);
/** The linked contacts changed (`contactIds` before and after). */
export const TicketContactsChanged = defineEvent('ticket.contacts_changed', 1, TICKET_SNAPSHOT);
/**
 * The ticket moved to another organization of the tenant (`organizationId` before and after), with
 * its links re-pointed to the target's records; published in both organizations' feeds.
 */
export const TicketMoved = defineEvent('ticket.moved', 1, TICKET_SNAPSHOT);

EventVisibilities.register({ key: 'ticket', grant: Permission.ORG_TICKET_VIEW });

const EVENTS = {
  created: TicketCreated,
  updated: TicketUpdated,
  deleted: TicketDeleted,
  status_changed: TicketStatusChanged,
  contacts_changed: TicketContactsChanged,
  moved: TicketMoved,
} as const;

export type TicketChange = keyof typeof EVENTS;

export async function recordTicketChange(
  tx: Transaction,
  verb: TicketChange,
  ticket: TicketEntity,
  change: { before?: TicketSnapshot; after?: TicketSnapshot },
): Promise<void> {
  await tx.publish(EVENTS[verb], { entityId: ticket.id, organizationId: ticket.organizationId, ...change });
}
