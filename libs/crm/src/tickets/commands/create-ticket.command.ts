import type { CreateTicketDto } from '../dto/create-ticket.dto';

export class CreateTicketCommand {
  constructor(readonly input: CreateTicketDto) {}
}
