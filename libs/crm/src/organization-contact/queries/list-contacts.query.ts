import type { PageParams } from '@clientele/core';
import type { ContactFilter } from '../contact-filter';
import type { ContactRelation } from '../contact-relations';

export class ListContactsQuery {
  constructor(
    readonly filter: ContactFilter,
    readonly page: PageParams,
    readonly relations: readonly ContactRelation[],
  ) {}
}
