import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { escapeLike, ScopedReader } from '@clientele/core';
import { ContactEntity } from '../../organization-contact';
import { DEFAULT_CONTACT_SUGGESTIONS } from '../dto/ticket-contact-suggestions.params';
import { TicketEntity } from '../entities/ticket.entity';
import { TICKET_CONTACTS } from '../ticket-contacts';
import { SuggestTicketContactsQuery } from './suggest-ticket-contacts.query';

/** A contact the autocomplete offers. */
export interface TicketContactSuggestion {
  readonly id: string;
  readonly name: string;
  readonly email: string | null;
  readonly linked: boolean;
}

interface SuggestionRow {
  id: string;
  name: string;
  email: string | null;
  linked: boolean;
}

/**
 * The `[contact:` autocomplete: live, active contacts of the ticket's organization whose name or
 * e-mail contains `q` (case-insensitive; `contact_search_trgm` serves the contains), those
 * starting with it first, then by name. The ticket must be visible (else 404).
 */
@QueryHandler(SuggestTicketContactsQuery)
export class SuggestTicketContactsHandler implements IQueryHandler<
  SuggestTicketContactsQuery,
  TicketContactSuggestion[]
> {
  constructor(private readonly reader: ScopedReader) {}

  async execute({ ticketId, params }: SuggestTicketContactsQuery): Promise<TicketContactSuggestion[]> {
    const ticket = await this.reader.repository(TicketEntity).findOneOrFail(ticketId);
    const typed = escapeLike(params.q.toLowerCase());
    const rows = await this.reader
      .repository(ContactEntity)
      .query('contact', 'visible')
      .select('contact.id', 'id')
      .addSelect('contact.name', 'name')
      .addSelect('contact.primaryEmail', 'email')
      .addSelect(
        `EXISTS (SELECT 1 FROM ${TICKET_CONTACTS.table} suggested_link
                  WHERE suggested_link.tenant_id = contact.tenant_id
                    AND suggested_link.organization_id = contact.organization_id
                    AND suggested_link.ticket_id = :suggestTicketId AND suggested_link.contact_id = contact.id)`,
        'linked',
      )
      .addSelect(
        `CASE WHEN lower(contact.name) LIKE :suggestPrefix OR lower(contact.primary_email) LIKE :suggestPrefix
              THEN 0 ELSE 1 END`,
        'rank',
      )
      .andWhere('contact.organizationId = :suggestOrganizationId')
      .andWhere('contact.isActive = true')
      .andWhere('contact.search_text LIKE :suggestContains')
      .andWhere('(lower(contact.name) LIKE :suggestContains OR lower(contact.primary_email) LIKE :suggestContains)')
      .setParameters({
        suggestTicketId: ticket.id,
        suggestOrganizationId: ticket.organizationId,
        suggestPrefix: `${typed}%`,
        suggestContains: `%${typed}%`,
      })
      .orderBy('rank', 'ASC')
      .addOrderBy('contact.name', 'ASC')
      .addOrderBy('contact.id', 'ASC')
      .limit(params.limit ?? DEFAULT_CONTACT_SUGGESTIONS)
      .getRawMany<SuggestionRow>();
    return rows.map(({ id, name, email, linked }) => ({ id, name, email, linked }));
  }
}
