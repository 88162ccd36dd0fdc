import type { LinkTicketContactsDto } from '../dto/link-ticket-contacts.dto';

export class LinkTicketContactsCommand {
  constructor(
    readonly ticketId: string,
    readonly input: LinkTicketContactsDto,
  ) {}
}
