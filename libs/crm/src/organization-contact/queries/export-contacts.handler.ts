import type { Readable } from 'node:stream';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { parseSort, RowExporter, ScopedReader } from '@clientele/core';
import { tagNamesSql } from '../../tags';
import { CONTACT_EXPORT_COLUMNS, type ContactExportRow } from '../contact-export-columns';
import { applyContactFilters, CONTACT_SORTS } from '../contact-filter';
import { CONTACT_TAGS } from '../contact-tags';
import { ContactEntity } from '../entities/contact.entity';
import { ExportContactsQuery } from './export-contacts.query';

/** The whole filtered contact list as CSV or NDJSON, streamed from a cursor; paging ignored. */
@QueryHandler(ExportContactsQuery)
export class ExportContactsHandler implements IQueryHandler<ExportContactsQuery, Readable> {
  constructor(
    private readonly reader: ScopedReader,
    private readonly exporter: RowExporter,
  ) {}

  async execute({ filter, sort, format }: ExportContactsQuery): Promise<Readable> {
    const contacts = this.reader.repository(ContactEntity);
    if (filter.organizationId !== undefined) contacts.scope.assertGranted(filter.organizationId);
    const order = parseSort(sort, CONTACT_SORTS, '-createdAt');
    const qb = applyContactFilters(contacts.query('contact'), filter, contacts.scope.tenantId)
      .leftJoin('contact.customer', 'customer')
      .select('contact.id', 'id')
      .addSelect('contact.organizationId', 'organizationId')
      .addSelect('contact.name', 'name')
      .addSelect('contact.firstName', 'firstName')
      .addSelect('contact.lastName', 'lastName')
      .addSelect('contact.primaryEmail', 'email')
      .addSelect('contact.primaryPhone', 'phone')
      .addSelect('contact.jobTitle', 'jobTitle')
      .addSelect('contact.contactType', 'kind')
      .addSelect('contact.status', 'status')
      .addSelect('contact.customerId', 'customerId')
      .addSelect('customer.name', 'customerName')
      .addSelect('contact.ownerId', 'ownerId')
      .addSelect('contact.marketingOptOut', 'marketingOptOut')
      .addSelect('contact.isActive', 'isActive')
      .addSelect(tagNamesSql(CONTACT_TAGS, 'contact'), 'tags')
      .addSelect('contact.createdAt', 'createdAt')
      .addSelect('contact.updatedAt', 'updatedAt')
      .orderBy(`contact.${order.property}`, order.direction)
      .addOrderBy('contact.id', order.direction);
    return this.exporter.open<ContactExportRow>(qb.getQueryAndParameters(), CONTACT_EXPORT_COLUMNS, format);
  }
}
