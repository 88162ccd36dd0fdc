import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { countedTotal, type Page, paginate, ScopedReader, UnitOfWork } from '@clientele/core';
import { readTypoTolerant } from '../../search';
import { applyContactFilters, CONTACT_SORTS, contactFacets, contactSearch } from '../contact-filter';
import { contactRow, type ContactRow, selectContactRelations } from '../contact-relations';
import { ContactEntity } from '../entities/contact.entity';
import { ListContactsQuery } from './list-contacts.query';

/**
 * Contacts of the organizations where the route's grant is held, filtered, paged, sorted: rows,
 * relations and total in one statement. A `q` forgives typos and, unless a sort is asked for,
 * puts exact then prefix name or e-mail matches first.
 */
@QueryHandler(ListContactsQuery)
export class ListContactsHandler implements IQueryHandler<ListContactsQuery, Page<ContactRow>> {
  constructor(
    private readonly reader: ScopedReader,
    private readonly uow: UnitOfWork,
  ) {}

  execute({ filter, page, relations, columns }: ListContactsQuery): Promise<Page<ContactRow>> {
    const search = contactSearch('contact', filter.q);
    return readTypoTolerant(this.uow, this.reader, search?.typoTolerant === true, (source) => {
      const contacts = source.repository(ContactEntity);
      if (filter.organizationId !== undefined) contacts.scope.assertGranted(filter.organizationId);
      const { scope } = contacts;
      const qb = applyContactFilters(contacts.query('contact'), filter, scope.tenantId);
      if (columns !== undefined) qb.select(columns.map((column) => `contact.${column}`));
      const organizationIds =
        filter.organizationId === undefined ? scope.grantedOrganizationIds : [filter.organizationId];
      return paginate(selectContactRelations(qb, relations), page, CONTACT_SORTS, '-createdAt', {
        total: countedTotal('contact', scope.tenantId, organizationIds, contactFacets(filter)),
        item: (contact, raw) => contactRow(contact, raw, relations),
        ...(search !== undefined && page.sort === undefined
          ? { rank: { sql: search.rank, parameters: search.parameters } }
          : {}),
      });
    });
  }
}
