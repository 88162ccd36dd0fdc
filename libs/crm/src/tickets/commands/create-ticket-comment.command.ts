export class CreateTicketCommentCommand {
  constructor(
    readonly ticketId: string,
    readonly body: string,
  ) {}
}
