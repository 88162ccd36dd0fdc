import type { UpdateTicketDto } from '../dto/update-ticket.dto';

export class UpdateTicketCommand {
  constructor(
    readonly ticketId: string,
    readonly input: UpdateTicketDto,
  ) {}
}
