import type { PageParams } from '@clientele/core';
import type { ContactFilter } from '../contact-filter';
import type { ContactRelation } from '../contact-relations';
import type { ContactEntity } from '../entities/contact.entity';

export class ListContactsQuery {
  constructor(
    readonly filter: ContactFilter,
    readonly page: PageParams,
    readonly relations: readonly ContactRelation[],
    /**
     * The columns to read (e.g. `PORTAL_CONTACT_COLUMNS`, read back as `PortalContactRow`);
     * every column when absent. They must include the sortable ones.
     */
    readonly columns?: readonly (keyof ContactEntity)[],
  ) {}
}
