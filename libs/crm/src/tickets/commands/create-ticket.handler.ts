import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Permission, UnitOfWork } from '@clientele/core';
import { assertCanAssignOwner, defaultOwnerId } from '../../record-ownership';
import { findOrganizationTags, requestedTagIds } from '../../tags';
import { recordTicketChange, ticketSnapshot } from '../events/ticket.events';
import { TicketEntity } from '../entities/ticket.entity';
import { inactiveContactError } from '../inactive-contact.error';
import { resolveContactRefs } from '../ticket-contact-refs';
import { TICKET_CONTACTS } from '../ticket-contacts';
import { runTicketOpeningSteps } from '../ticket-opening-steps';
import { assertTicketParties } from '../ticket-parties';
import { TICKET_TAGS } from '../ticket-tags';
import { CreateTicketCommand } from './create-ticket.command';

/**
 * A new OPEN ticket, assigned to its creator unless told, with the tags and active contacts of
 * its organization it names. An AGENT (`ORG_TICKET_EDIT_OWN`) creates only tickets assigned to it.
 */
@CommandHandler(CreateTicketCommand)
export class CreateTicketHandler implements ICommandHandler<CreateTicketCommand, TicketEntity> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ input }: CreateTicketCommand): Promise<TicketEntity> {
    return this.uow.run(async (tx) => {
      const organizationId = tx.scope.targetOrganizationId(input.organizationId);
      const assigneeId =
        input.assigneeId === undefined ? defaultOwnerId(tx.scope) : (input.assigneeId?.toLowerCase() ?? null);
      assertCanAssignOwner(tx.scope, organizationId, assigneeId, Permission.ORG_TICKET_EDIT);
      await assertTicketParties(tx, organizationId, { assigneeId, customerId: input.customerId });
      const requestedTags = requestedTagIds(input);
      const tags = await findOrganizationTags(
        tx,
        organizationId,
        requestedTags?.ids ?? [],
        requestedTags?.field ?? 'tags',
      );
      const { contacts } = await resolveContactRefs(tx, organizationId, input.contactIds ?? [], 'contactIds');
      const inactive = contacts.find((contact) => !contact.isActive);
      if (inactive !== undefined) throw inactiveContactError('contactIds', inactive.id);

      const tickets = tx.repository(TicketEntity);
      const ticket = tickets.create({
        organizationId,
        title: input.title,
        description: input.description ?? null,
        priority: input.priority ?? 'NORMAL',
        customerId: input.customerId?.toLowerCase() ?? null,
        assigneeId,
      });
      ticket.open();
      await runTicketOpeningSteps(tx, ticket);
      const saved = await tickets.save(ticket);
      await TICKET_TAGS.add(
        tx,
        saved,
        tags.map((tag) => tag.id),
      );
      await TICKET_CONTACTS.add(
        tx,
        saved,
        contacts.map((contact) => contact.id),
      );
      await recordTicketChange(tx, 'created', saved, {
        after: ticketSnapshot(saved, {
          tagIds: tags.map((tag) => tag.id),
          contactIds: contacts.map((contact) => contact.id),
        }),
      });
      return saved;
    });
  }
}
