export class UpdateTicketCommentCommand {
  constructor(
    readonly ticketId: string,
    readonly commentId: string,
    readonly body: string,
  ) {}
}
