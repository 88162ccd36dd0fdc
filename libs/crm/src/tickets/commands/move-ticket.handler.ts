import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { GrantSet, MembershipEntity, Permission, type Transaction, UnitOfWork, ValidationError } from '@clientele/core';
import { CustomerEntity } from '../../customers';
import { ContactEntity } from '../../organization-contact';
import { TagEntity } from '../../tags';
import { TicketEntity } from '../entities/ticket.entity';
import { TicketMoved, ticketSnapshot } from '../events/ticket.events';
import { TICKET_CONTACTS } from '../ticket-contacts';
import { linkIds, loadTicketLinks } from '../ticket-links';
import { planTicketMove, type TicketMovePlan } from '../ticket-move-plan';
import { TICKET_TAGS } from '../ticket-tags';
import type { TicketView } from '../ticket-view';
import { selectTicketView, ticketView } from '../ticket-views';
import { MoveTicketCommand } from './move-ticket.command';

/** What a move did: the plan it carried out, and whether the assignee stayed. */
export interface TicketMoveOutcome {
  /** The ticket as it is now, read in the moving transaction (whichever organization the request named). */
  readonly view: TicketView;
  readonly fromOrganizationId: string;
  readonly plan: TicketMovePlan<ContactEntity, TagEntity | CustomerEntity>;
  readonly assignee: { readonly from: string | null; readonly kept: boolean };
  /** The target had a ticket opened by the same e-mail: this one lets go of its message id. */
  readonly inboundMessageIdCleared: boolean;
}

/** Grants that let a member work tickets: an assignee without either is unassigned by a move. */
const WORKS_TICKETS = [Permission.ORG_TICKET_EDIT, Permission.ORG_TICKET_EDIT_OWN];

/**
 * Moves a ticket to another organization of its tenant; the route needs `ORG_TICKET_EDIT` and
 * so does the ticket's own organization (a move takes the ticket away, like a delete: EDIT_OWN is
 * not enough). Its links are re-pointed by `planTicketMove` (contacts by e-mail, tags and the
 * customer by name; the rest dropped), the assignee stays only when a member of the target
 * whose role works tickets, comments follow (their key cascades), the counters follow through
 * their triggers, and `ticket.moved` is published in both organizations.
 */
@CommandHandler(MoveTicketCommand)
export class MoveTicketHandler implements ICommandHandler<MoveTicketCommand, TicketMoveOutcome> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ ticketId, organizationId }: MoveTicketCommand): Promise<TicketMoveOutcome> {
    return this.uow.run(async (request) => {
      // The body's organizationId is the request's organization: the ticket's own must be seen too.
      const tx = request.acrossMemberships();
      const tickets = tx.repository(TicketEntity);
      const ticket = await tickets.findOneForUpdate(ticketId);
      const source = ticket.organizationId;
      const target = organizationId.toLowerCase();
      if (source === target) {
        throw ValidationError.field(
          'organizationId',
          'The ticket is in this organization already.',
          'TICKET_ALREADY_IN_ORGANIZATION',
        );
      }
      tx.scope.assertGranted(target);

      const links = await loadTicketLinks(tx, ticket.id);
      const before = ticketSnapshot(ticket, linkIds(links));
      const customer =
        ticket.customerId === null
          ? null
          : await tx
              .repository(CustomerEntity)
              .query('customer', 'visible')
              .andWhere('customer.organizationId = :moveSource', { moveSource: source })
              .andWhere('customer.id = :moveCustomerId', { moveCustomerId: ticket.customerId })
              .getOne();
      const plan = planTicketMove<ContactEntity, TagEntity | CustomerEntity>({
        contacts: links.contacts,
        targetContacts: await targetContacts(tx, target, links.contacts),
        tags: links.tags,
        targetTags: await targetByName(tx, TagEntity, 'tag', target, links.tags),
        customer,
        targetCustomers:
          customer === null ? [] : await targetByName(tx, CustomerEntity, 'customer', target, [customer]),
      });
      const assigneeFrom = ticket.assigneeId;
      const kept = assigneeFrom !== null && (await worksTicketsIn(tx, target, assigneeFrom));
      const inboundMessageIdCleared = await inboundMessageTaken(tx, ticket, target);

      // The links name the source organization: off before the ticket leaves it, on again after.
      await TICKET_CONTACTS.replace(tx, ticket, []);
      await TICKET_TAGS.replace(tx, ticket, []);
      ticket.organizationId = target;
      ticket.customerId = plan.customer.to?.id ?? null;
      ticket.assigneeId = kept ? assigneeFrom : null;
      if (inboundMessageIdCleared) ticket.inboundMessageId = null;
      const saved = await tickets.save(ticket);
      const contactIds = plan.contacts.repointed.map(({ to }) => to.id);
      const tagIds = plan.tags.repointed.map(({ to }) => to.id);
      await TICKET_CONTACTS.add(tx, saved, contactIds);
      await TICKET_TAGS.add(tx, saved, tagIds);

      const after = ticketSnapshot(saved, { tagIds, contactIds });
      for (const feed of [source, target]) {
        await tx.publish(TicketMoved, { entityId: saved.id, organizationId: feed, before, after });
      }
      const { entity, raw } = await tickets.findOneOrFailWithRaw(saved.id, selectTicketView);
      return {
        view: ticketView(entity, raw),
        fromOrganizationId: source,
        plan,
        assignee: { from: assigneeFrom, kept },
        inboundMessageIdCleared,
      };
    });
  }
}

/** The target's live contacts with the e-mails of the ticket's contacts (case-insensitive). */
async function targetContacts(
  tx: Transaction,
  target: string,
  contacts: readonly ContactEntity[],
): Promise<ContactEntity[]> {
  const emails = contacts.flatMap((contact) => contact.primaryEmail?.trim().toLowerCase() || []);
  if (emails.length === 0) return [];
  return tx
    .repository(ContactEntity)
    .query('contact', 'visible')
    .andWhere('contact.organizationId = :moveTarget', { moveTarget: target })
    .andWhere('lower(contact.primaryEmail) = ANY(:moveEmails::text[])', { moveEmails: emails })
    .getMany();
}

/** The target's live records (tags, customers) with the names of `records` (case-insensitive). */
async function targetByName<T extends TagEntity | CustomerEntity>(
  tx: Transaction,
  entity: new () => T,
  alias: string,
  target: string,
  records: ReadonlyArray<{ name: string }>,
): Promise<T[]> {
  if (records.length === 0) return [];
  return tx
    .repository(entity)
    .query(alias, 'visible')
    .andWhere(`${alias}.organizationId = :moveTarget`, { moveTarget: target })
    .andWhere(`lower(${alias}.name) = ANY(:moveNames::text[])`, {
      moveNames: records.map((record) => record.name.trim().toLowerCase()),
    })
    .orderBy(`${alias}.createdAt`, 'ASC')
    .addOrderBy(`${alias}.id`, 'ASC')
    .getMany();
}

/** Whether the user is a member of the organization whose role lets them work tickets. */
async function worksTicketsIn(tx: Transaction, organizationId: string, userId: string): Promise<boolean> {
  const membership = await tx
    .repository(MembershipEntity)
    .query('membership', 'visible')
    .innerJoinAndSelect('membership.role', 'role')
    .andWhere('membership.organizationId = :moveOrganizationId', { moveOrganizationId: organizationId })
    .andWhere('membership.userId = :moveUserId', { moveUserId: userId })
    .getOne();
  return membership?.role !== undefined && new GrantSet(membership.role.grants).hasAny(WORKS_TICKETS);
}

/**
 * Whether the target holds a ticket (deleted ones too: the unique index counts them) opened by
 * the e-mail that opened this one: the target's keeps answering redeliveries there.
 */
async function inboundMessageTaken(tx: Transaction, ticket: TicketEntity, target: string): Promise<boolean> {
  if (ticket.inboundMessageId === null) return false;
  const taken = await tx
    .repository(TicketEntity)
    .query('taken', 'visible')
    .withDeleted()
    .andWhere('taken.organizationId = :moveTarget', { moveTarget: target })
    .andWhere('taken.inboundMessageId = :moveMessageId', { moveMessageId: ticket.inboundMessageId })
    .getExists();
  return taken;
}
