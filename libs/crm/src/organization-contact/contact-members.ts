import { defineLink } from '@clientele/core';

/** Where the users assigned to a contact are linked (users of the tenant, members of its organization). */
export const CONTACT_MEMBERS = defineLink({
  table: 'contact_member',
  ownerColumn: 'contact_id',
  targetColumn: 'user_id',
});
