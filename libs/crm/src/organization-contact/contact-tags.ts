import { registerTagLink } from '../tags';

/** Where a contact's tags are linked. */
export const CONTACT_TAGS = registerTagLink({ table: 'contact_tag', ownerColumn: 'contact_id' });
