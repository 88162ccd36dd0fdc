import { defineLink } from '@clientele/core';

/** Where the contacts an activity is with are linked (contacts of the activity's organization). */
export const ACTIVITY_CONTACTS = defineLink({
  table: 'activity_contact',
  ownerColumn: 'activity_id',
  targetColumn: 'contact_id',
});
