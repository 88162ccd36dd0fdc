import type { TagLink } from '../tags';

/** Where a contact's tags are linked. */
export const CONTACT_TAGS: TagLink = { table: 'contact_tag', column: 'contact_id' };
