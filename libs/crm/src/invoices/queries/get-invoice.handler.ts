import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ScopedReader } from '@clientele/core';
import { InvoiceEntity } from '../entities/invoice.entity';
import { GetInvoiceQuery } from './get-invoice.query';

@QueryHandler(GetInvoiceQuery)
export class GetInvoiceHandler implements IQueryHandler<GetInvoiceQuery, InvoiceEntity> {
  constructor(private readonly reader: ScopedReader) {}

  execute({ invoiceId }: GetInvoiceQuery): Promise<InvoiceEntity> {
    return this.reader.repository(InvoiceEntity).findOneOrFail(invoiceId);
  }
}
