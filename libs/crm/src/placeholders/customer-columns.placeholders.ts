import { registerCustomerColumn } from '../customers';

/**
 * The customer row's figures of modules not built yet, with the values they report today: no
 * contract, no billing (`openTicketCount` is the tickets module's). No SQL, so the customer
 * statement is unchanged. The contracts and billing modules each replace their entry with a
 * column on their table.
 */
registerCustomerColumn({ key: 'contractStatus', order: 20, read: () => 'NONE' });
registerCustomerColumn({ key: 'billingSummary', order: 30, read: () => null });
