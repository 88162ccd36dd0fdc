export class GetTicketQuery {
  constructor(readonly ticketId: string) {}
}
