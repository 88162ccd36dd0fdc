import type { TagLink } from '../tags';

/** Where a customer's tags are linked. */
export const CUSTOMER_TAGS: TagLink = { table: 'customer_tag', column: 'customer_id' };
