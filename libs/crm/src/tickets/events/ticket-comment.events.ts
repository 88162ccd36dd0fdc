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
import type { TicketCommentEntity } from '../entities/ticket-comment.entity';

export const TICKET_COMMENT_SNAPSHOT = schema.object({
  ...ORGANIZATION_RECORD_FIELDS,
  ticketId: schema.uuid(),
  authorId: schema.nullable(schema.uuid()),
  body: schema.string(),
});
export type TicketCommentSnapshot = Infer<typeof TICKET_COMMENT_SNAPSHOT>;

export function ticketCommentSnapshot(comment: TicketCommentEntity): TicketCommentSnapshot {
  return {
    ...organizationRecordSnapshot(comment),
    ticketId: comment.ticketId,
    authorId: comment.authorId ?? null,
    body: comment.body,
  };
}

export const TicketCommentCreated = defineEvent('ticket_comment.created', 1, TICKET_COMMENT_SNAPSHOT);
export const TicketCommentUpdated = defineEvent('ticket_comment.updated', 1, TICKET_COMMENT_SNAPSHOT);
export const TicketCommentDeleted = defineEvent('ticket_comment.deleted', 1, TICKET_COMMENT_SNAPSHOT);

EventVisibilities.register({ key: 'ticket_comment', grant: Permission.ORG_TICKET_VIEW });

const EVENTS = { created: TicketCommentCreated, updated: TicketCommentUpdated, deleted: TicketCommentDeleted } as const;

export async function recordTicketCommentChange(
  tx: Transaction,
  verb: keyof typeof EVENTS,
  comment: TicketCommentEntity,
  change: { before?: TicketCommentSnapshot; after?: TicketCommentSnapshot },
): Promise<void> {
  await tx.publish(EVENTS[verb], { entityId: comment.id, organizationId: comment.organizationId, ...change });
}
