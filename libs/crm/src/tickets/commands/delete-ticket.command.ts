export class DeleteTicketCommand {
  constructor(readonly ticketId: string) {}
}
