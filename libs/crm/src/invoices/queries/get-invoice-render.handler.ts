import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { OrganizationEntity, ScopedReader } from '@clientele/core';
import { CustomerEntity } from '../../customers';
import { ContactEntity } from '../../organization-contact';
import { InvoiceEntity } from '../entities/invoice.entity';
import type { InvoiceDocument } from '../invoice-sheet';
import { GetInvoiceRenderQuery } from './get-invoice-render.query';

/** What the printable page shows: the invoice, its organization and whom it bills. */
@QueryHandler(GetInvoiceRenderQuery)
export class GetInvoiceRenderHandler implements IQueryHandler<GetInvoiceRenderQuery, InvoiceDocument> {
  constructor(private readonly reader: ScopedReader) {}

  async execute({ invoiceId }: GetInvoiceRenderQuery): Promise<InvoiceDocument> {
    const invoice = await this.reader.repository(InvoiceEntity).findOneOrFail(invoiceId);
    const organization = await this.reader.repository(OrganizationEntity).findOne(invoice.organizationId);
    const contact =
      invoice.contactId === null ? null : await this.reader.repository(ContactEntity).findOne(invoice.contactId);
    const customer =
      invoice.customerId === null ? null : await this.reader.repository(CustomerEntity).findOne(invoice.customerId);
    return {
      invoice,
      organizationName: organization?.name ?? '',
      contactName: contact?.name ?? null,
      contactEmail: contact?.primaryEmail ?? null,
      customerName: customer?.name ?? null,
    };
  }
}
