import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RowExporter } from '@clientele/core';
import { AddInvoiceItemHandler } from './commands/add-invoice-item.handler';
import { CreateInvoiceHandler } from './commands/create-invoice.handler';
import { DeleteInvoiceHandler } from './commands/delete-invoice.handler';
import { DeletePaymentHandler } from './commands/delete-payment.handler';
import { IssueCreditNoteHandler } from './commands/issue-credit-note.handler';
import { RecordPaymentHandler } from './commands/record-payment.handler';
import { RemoveInvoiceItemHandler } from './commands/remove-invoice-item.handler';
import { SendInvoiceHandler } from './commands/send-invoice.handler';
import { UpdateInvoiceItemHandler } from './commands/update-invoice-item.handler';
import { UpdateInvoiceHandler } from './commands/update-invoice.handler';
import { VoidInvoiceHandler } from './commands/void-invoice.handler';
import { DocumentSequenceEntity } from './entities/document-sequence.entity';
import { InvoicePaymentEntity } from './entities/invoice-payment.entity';
import { InvoiceEntity } from './entities/invoice.entity';
import './contact-invoices.section';
import './invoice-transfer';
import './invoice-counts';
import { InvoicesController } from './invoices.controller';
import { ExportInvoicesHandler } from './queries/export-invoices.handler';
import { GetInvoiceRenderHandler } from './queries/get-invoice-render.handler';
import { GetInvoiceSummaryHandler } from './queries/get-invoice-summary.handler';
import { GetInvoiceHandler } from './queries/get-invoice.handler';
import { ListInvoicesHandler } from './queries/list-invoices.handler';
import { ListPaymentsHandler } from './queries/list-payments.handler';

/** Invoices and credit notes: server-computed totals, gap-free numbers, payments, a printable page. */
@Module({
  imports: [CqrsModule, TypeOrmModule.forFeature([InvoiceEntity, InvoicePaymentEntity, DocumentSequenceEntity])],
  controllers: [InvoicesController],
  providers: [
    RowExporter,
    CreateInvoiceHandler,
    UpdateInvoiceHandler,
    AddInvoiceItemHandler,
    UpdateInvoiceItemHandler,
    RemoveInvoiceItemHandler,
    DeleteInvoiceHandler,
    SendInvoiceHandler,
    VoidInvoiceHandler,
    IssueCreditNoteHandler,
    RecordPaymentHandler,
    DeletePaymentHandler,
    ListInvoicesHandler,
    GetInvoiceHandler,
    ExportInvoicesHandler,
    ListPaymentsHandler,
    GetInvoiceSummaryHandler,
    GetInvoiceRenderHandler,
  ],
})
export class InvoicesModule {}
