import { registerTagLink } from '../tags';

/** Where a customer's tags are linked. */
export const CUSTOMER_TAGS = registerTagLink({ table: 'customer_tag', ownerColumn: 'customer_id' });
