import { registerCustomerColumn } from '../customers';

/**
 * The customer row's figures of modules not built yet, with the values they report today: no
 * open tickets, no contract, no billing. No SQL, so the customer statement is unchanged. The
 * tickets, contracts and billing modules each replace their entry with a column on their table.
 */
registerCustomerColumn({ key: 'openTicketCount', order: 10, read: () => 0 });
registerCustomerColumn({ key: 'contractStatus', order: 20, read: () => 'NONE' });
registerCustomerColumn({ key: 'billingSummary', order: 30, read: () => null });
