import type { TicketContactSuggestionsParams } from '../dto/ticket-contact-suggestions.params';

export class SuggestTicketContactsQuery {
  constructor(
    readonly ticketId: string,
    readonly params: TicketContactSuggestionsParams,
  ) {}
}
