import { ApiProperty } from '@nestjs/swagger';
import type { TicketContactSuggestion } from '../queries/suggest-ticket-contacts.handler';

/** An active contact of the ticket's organization, as the `[contact:` autocomplete offers it. */
export class TicketContactSuggestionResponse {
  id: string;
  name: string;
  @ApiProperty({ nullable: true, type: String })
  email: string | null;
  /** What to insert: `[contact:<e-mail>]`, or `[contact:<id>]` for a contact without an e-mail. */
  @ApiProperty({ example: '[contact:ada@example.com]' })
  reference: string;
  /** Linked to the ticket already (a candidate for `/remove_contacts`). */
  linked: boolean;

  static from(suggestion: TicketContactSuggestion): TicketContactSuggestionResponse {
    return {
      id: suggestion.id,
      name: suggestion.name,
      email: suggestion.email,
      reference: `[contact:${suggestion.email ?? suggestion.id}]`,
      linked: suggestion.linked,
    };
  }
}

export class TicketContactSuggestionsResponse {
  items: TicketContactSuggestionResponse[];
}
