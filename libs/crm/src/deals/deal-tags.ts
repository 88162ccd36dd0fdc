import { registerTagLink } from '../tags';

/** Where a deal's tags are linked. */
export const DEAL_TAGS = registerTagLink({ table: 'deal_tag', ownerColumn: 'deal_id' });
