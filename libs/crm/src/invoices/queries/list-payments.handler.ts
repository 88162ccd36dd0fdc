import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ScopedReader } from '@clientele/core';
import { InvoicePaymentEntity } from '../entities/invoice-payment.entity';
import { InvoiceEntity } from '../entities/invoice.entity';
import { ListPaymentsQuery } from './list-payments.query';

/** The invoice (404 when not visible) and its live payments, oldest first. */
@QueryHandler(ListPaymentsQuery)
export class ListPaymentsHandler implements IQueryHandler<
  ListPaymentsQuery,
  { invoice: InvoiceEntity; payments: InvoicePaymentEntity[] }
> {
  constructor(private readonly reader: ScopedReader) {}

  async execute({
    invoiceId,
  }: ListPaymentsQuery): Promise<{ invoice: InvoiceEntity; payments: InvoicePaymentEntity[] }> {
    const invoice = await this.reader.repository(InvoiceEntity).findOneOrFail(invoiceId);
    const payments = await this.reader
      .repository(InvoicePaymentEntity)
      .query('payment')
      .andWhere('payment.invoiceId = :paymentInvoiceId', { paymentInvoiceId: invoice.id })
      .orderBy('payment.paidOn', 'ASC')
      .addOrderBy('payment.createdAt', 'ASC')
      .getMany();
    return { invoice, payments };
  }
}
