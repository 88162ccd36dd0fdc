import { defineLink } from '@clientele/core';

/** A ticket's linked contacts (GitLab's issue contacts): rows carry the tenant and the organization. */
export const TICKET_CONTACTS = defineLink({
  table: 'ticket_contact',
  ownerColumn: 'ticket_id',
  targetColumn: 'contact_id',
});

/** At most this many contacts are added or removed in one call, as GitLab caps it. */
export const MAX_CONTACTS_PER_CALL = 6;
