export class MoveTicketCommand {
  constructor(
    readonly ticketId: string,
    readonly organizationId: string,
  ) {}
}
