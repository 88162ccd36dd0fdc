import { Permission, readRows } from '@clientele/core';
import { ContactDetailSections } from '../organization-contact';
import { TicketResponse } from './dto/ticket.response';
import { TicketEntity } from './entities/ticket.entity';
import { TICKET_CONTACTS } from './ticket-contacts';
import { selectTicketView, ticketView } from './ticket-views';

/** How many of a contact's tickets its detail shows (the rest: `GET crm/contacts/:id/tickets`). */
export const CONTACT_DETAIL_TICKETS = 10;

/**
 * The contact detail's ticket history: its latest linked tickets, newest first, in one
 * statement; empty for a reader without `ORG_TICKET_VIEW` in the contact's organization.
 */
ContactDetailSections.register({
  key: 'tickets',
  order: 40,
  description: `Ticket history: the latest ${CONTACT_DETAIL_TICKETS} tickets the contact is linked to, newest first.`,
  async load(reader, contact) {
    if (!reader.scope().isGranted(contact.organizationId, [Permission.ORG_TICKET_VIEW])) return [];
    const qb = reader
      .repository(TicketEntity)
      .query('ticket', 'visible')
      .andWhere('ticket.organizationId = :sectionOrganizationId', { sectionOrganizationId: contact.organizationId })
      .andWhere(
        `EXISTS (SELECT 1 FROM ${TICKET_CONTACTS.table} section_link
                  WHERE ${TICKET_CONTACTS.linkedTo('section_link', 'ticket')} AND section_link.contact_id = :sectionContactId)`,
        { sectionContactId: contact.id },
      )
      .orderBy('ticket.createdAt', 'DESC')
      .addOrderBy('ticket.id', 'DESC')
      .limit(CONTACT_DETAIL_TICKETS);
    const rows = await readRows(selectTicketView(qb));
    return rows.map(({ entity, raw }) => TicketResponse.from(ticketView(entity, raw)));
  },
});
