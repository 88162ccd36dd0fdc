import { registerTagLink } from '../tags';

/** Where a ticket's tags are linked. */
export const TICKET_TAGS = registerTagLink({ table: 'ticket_tag', ownerColumn: 'ticket_id' });
