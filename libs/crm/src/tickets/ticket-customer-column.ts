import { registerCustomerColumn } from '../customers';

/**
 * A customer row's `openTicketCount`: its live OPEN and PENDING tickets, a column of the
 * customer's own statement (one probe of `ticket_customer_idx` per row of the page: no N+1).
 */
registerCustomerColumn({
  key: 'openTicketCount',
  order: 10,
  sql: (alias) => `(SELECT count(*) FROM ticket open_ticket
                     WHERE open_ticket.tenant_id = "${alias}".tenant_id
                       AND open_ticket.organization_id = "${alias}".organization_id
                       AND open_ticket.customer_id = "${alias}".id
                       AND open_ticket.status IN ('OPEN', 'PENDING')
                       AND open_ticket.deleted_at IS NULL)`,
  read: (selected) => Number(selected ?? 0),
});
