import type { PageParams } from '@clientele/core';

export class ListTicketCommentsQuery {
  constructor(
    readonly ticketId: string,
    readonly params: PageParams,
  ) {}
}
