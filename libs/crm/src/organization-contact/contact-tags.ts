import { defineLink } from '@clientele/core';

/** Where a contact's tags are linked. */
export const CONTACT_TAGS = defineLink({ table: 'contact_tag', ownerColumn: 'contact_id', targetColumn: 'tag_id' });
