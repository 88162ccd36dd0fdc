export class DeleteTicketCommentCommand {
  constructor(
    readonly ticketId: string,
    readonly commentId: string,
  ) {}
}
