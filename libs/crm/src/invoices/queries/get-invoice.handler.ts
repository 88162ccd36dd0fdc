import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ScopedReader } from '@clientele/core';
import { InvoiceEntity } from '../entities/invoice.entity';
import { type InvoiceView, invoiceView, selectInvoiceView } from '../invoice-view';
import { GetInvoiceQuery } from './get-invoice.query';

/** One invoice with its tags, in one statement; 404 when not visible. */
@QueryHandler(GetInvoiceQuery)
export class GetInvoiceHandler implements IQueryHandler<GetInvoiceQuery, InvoiceView> {
  constructor(private readonly reader: ScopedReader) {}

  async execute({ invoiceId }: GetInvoiceQuery): Promise<InvoiceView> {
    const { entity, raw } = await this.reader
      .repository(InvoiceEntity)
      .findOneOrFailWithRaw(invoiceId, selectInvoiceView);
    return invoiceView(entity, raw);
  }
}
