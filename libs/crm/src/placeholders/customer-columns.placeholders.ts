import { registerCustomerColumn } from '../customers';

/**
 * The customer row's figures of modules not built yet, with the values they report today: no
 * open tickets, no contract. No SQL, so the customer statement is unchanged. The
 * tickets and contracts modules each replace their entry with a column on their table (billing has).
 */
registerCustomerColumn({ key: 'openTicketCount', order: 10, read: () => 0 });
registerCustomerColumn({ key: 'contractStatus', order: 20, read: () => 'NONE' });
