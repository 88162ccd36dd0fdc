import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { countRecords, type Page, paginate, ScopedReader } from '@clientele/core';
import { applyContactFilters, CONTACT_SORTS, isUnfiltered } from '../contact-filter';
import { loadContactRelations } from '../contact-relations';
import { ContactEntity } from '../entities/contact.entity';
import { ListContactsQuery } from './list-contacts.query';

/** Contacts of the organizations where the route's grant is held, filtered, paged, sorted. */
@QueryHandler(ListContactsQuery)
export class ListContactsHandler implements IQueryHandler<ListContactsQuery, Page<ContactEntity>> {
  constructor(private readonly reader: ScopedReader) {}

  async execute({ filter, page, relations }: ListContactsQuery): Promise<Page<ContactEntity>> {
    const contacts = this.reader.repository(ContactEntity);
    if (filter.organizationId !== undefined) contacts.scope.assertGranted(filter.organizationId);
    const { scope } = contacts;
    const qb = applyContactFilters(contacts.query('contact'), filter, scope.tenantId);
    const organizationIds =
      filter.organizationId === undefined ? scope.grantedOrganizationIds : [filter.organizationId];
    const result = await paginate(qb, page, CONTACT_SORTS, '-createdAt', {
      total: isUnfiltered(filter)
        ? () => countRecords(contacts.manager, 'contact', scope.tenantId, organizationIds)
        : undefined,
    });
    await loadContactRelations(this.reader, result.items, relations);
    return result;
  }
}
