import { defineLink } from '@clientele/core';

/** Where a deal's tags are linked. */
export const DEAL_TAGS = defineLink({ table: 'deal_tag', ownerColumn: 'deal_id', targetColumn: 'tag_id' });
