import { TicketFilterParams } from './list-tickets.params';

/** `GET crm/contacts/:id/tickets` and `crm/customers/:id/tickets`: the ticket list's filters, paged. */
export class RecordTicketsParams extends TicketFilterParams {}
