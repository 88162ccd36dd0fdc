// What other rooms may use from invoices.
export { InvoicesModule } from './invoices.module';
export { DocumentSequenceEntity } from './entities/document-sequence.entity';
export { InvoicePaymentEntity } from './entities/invoice-payment.entity';
export { InvoiceEntity } from './entities/invoice.entity';
export { computeInvoiceTotals, type InvoiceTotals } from './invoice-totals';
export { formatDocumentNumber } from './invoice-number';
export { InvoiceCreated, invoiceSnapshot } from './events/invoice.events';
export { todayUtc } from './dto/invoice.response';
