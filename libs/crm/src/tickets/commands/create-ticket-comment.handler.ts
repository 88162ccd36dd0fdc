import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ForbiddenError, Permission, UnitOfWork, ValidationError } from '@clientele/core';
import { defaultOwnerId } from '../../record-ownership';
import { TicketCommentEntity } from '../entities/ticket-comment.entity';
import { TicketEntity } from '../entities/ticket.entity';
import { recordTicketCommentChange, ticketCommentSnapshot } from '../events/ticket-comment.events';
import { type QuickActionResult, quickActionResults } from '../quick-action-results';
import { parseQuickActions, referencesOf } from '../quick-actions';
import { applyTicketContactChange } from '../ticket-contact-change';
import { MAX_CONTACTS_PER_CALL } from '../ticket-contacts';
import { CreateTicketCommentCommand } from './create-ticket-comment.command';

/** What a comment did: the comment stored (null when it was only quick actions) and each reference's result. */
export interface TicketCommentOutcome {
  readonly comment: TicketCommentEntity | null;
  readonly quickActions: readonly QuickActionResult[];
}

/** The grants a comment's quick actions need: those of `POST tickets/:id/contacts`. */
const LINK_GRANTS = [Permission.ORG_TICKET_EDIT, Permission.ORG_TICKET_LINK_CONTACTS];
const BODY = { add: 'body', remove: 'body', replace: 'body' } as const;

/**
 * A comment on a ticket, by the actor; anyone who works tickets may comment on any of them.
 * Its `/add_contacts` and `/remove_contacts` lines (`parseQuickActions`) change the ticket's
 * contacts in the same transaction, through the link route's code (same cap of 6 per kind, same
 * rules and report, one `ticket.contacts_changed`), and need its grant (else 403, nothing
 * written). The command lines are not stored; a comment that was only commands stores no
 * comment at all (no row, no `ticket_comment.created`).
 */
@CommandHandler(CreateTicketCommentCommand)
export class CreateTicketCommentHandler implements ICommandHandler<CreateTicketCommentCommand, TicketCommentOutcome> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ ticketId, body }: CreateTicketCommentCommand): Promise<TicketCommentOutcome> {
    const parsed = parseQuickActions(body);
    if (parsed.problems.length > 0) {
      throw new ValidationError(parsed.problems.map(({ message }) => ({ field: 'body', message })));
    }
    const add = referencesOf(parsed.actions, 'add_contacts');
    const remove = referencesOf(parsed.actions, 'remove_contacts');
    if (add.length > MAX_CONTACTS_PER_CALL || remove.length > MAX_CONTACTS_PER_CALL) {
      throw ValidationError.field('body', `You can only add up to ${MAX_CONTACTS_PER_CALL} contacts at one time`);
    }
    return this.uow.run(async (tx) => {
      const tickets = tx.repository(TicketEntity);
      let quickActions: QuickActionResult[] = [];
      let ticket: TicketEntity;
      if (parsed.actions.length === 0) {
        ticket = await tickets.findOneOrFail(ticketId);
      } else {
        ticket = await tickets.findOneForUpdate(ticketId);
        if (!tx.scope.isGranted(ticket.organizationId, LINK_GRANTS)) {
          throw new ForbiddenError('Quick actions on contacts need ORG_TICKET_EDIT or ORG_TICKET_LINK_CONTACTS.');
        }
        const change = { add: add.length > 0 ? add : undefined, remove: remove.length > 0 ? remove : undefined };
        const outcome = await applyTicketContactChange(tx, ticket, change, BODY);
        quickActions = quickActionResults(parsed.actions, outcome);
      }
      if (parsed.text === '') return { comment: null, quickActions };

      const comments = tx.repository(TicketCommentEntity);
      const saved = await comments.save(
        comments.create({
          organizationId: ticket.organizationId,
          ticketId: ticket.id,
          authorId: defaultOwnerId(tx.scope),
          body: parsed.text,
        }),
      );
      await recordTicketCommentChange(tx, 'created', saved, { after: ticketCommentSnapshot(saved) });
      return { comment: saved, quickActions };
    });
  }
}
