import { defineLink } from '@clientele/core';

/** A project's contacts (Gauzy's organization contact carries projects): rows carry the tenant and the organization. */
export const PROJECT_CONTACTS = defineLink({
  table: 'project_contact',
  ownerColumn: 'project_id',
  targetColumn: 'contact_id',
});

/** At most this many contacts on one project per request. */
export const MAX_PROJECT_CONTACTS = 100;
