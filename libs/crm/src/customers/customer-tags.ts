import { defineLink } from '@clientele/core';

/** Where a customer's tags are linked. */
export const CUSTOMER_TAGS = defineLink({ table: 'customer_tag', ownerColumn: 'customer_id', targetColumn: 'tag_id' });
