import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Money, Permission, UnitOfWork, ValidationError } from '@clientele/core';
import { todayUtc } from '../dto/invoice.response';
import { InvoicePaymentEntity } from '../entities/invoice-payment.entity';
import { InvoiceEntity } from '../entities/invoice.entity';
import {
  InvoicePaid,
  InvoicePaymentRecorded,
  invoiceSnapshot,
  paymentSnapshot,
  recordInvoiceChange,
} from '../events/invoice.events';
import { RecordPaymentCommand } from './record-payment.command';
import { loadInvoiceTagIds } from '../invoice-tags';

/** A payment against a sent invoice, at most its balance; `invoice.paid` too when it pays it off. */
@CommandHandler(RecordPaymentCommand)
export class RecordPaymentHandler implements ICommandHandler<RecordPaymentCommand, InvoicePaymentEntity> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ invoiceId, input }: RecordPaymentCommand): Promise<InvoicePaymentEntity> {
    return this.uow.run(async (tx) => {
      const invoices = tx.repository(InvoiceEntity);
      const invoice = await invoices.findOneForUpdate(invoiceId);
      tx.scope.assertCanEdit(
        invoice.organizationId,
        invoice.ownerId,
        Permission.ORG_INVOICE_EDIT,
        Permission.ORG_INVOICE_EDIT_OWN,
      );
      const amount = Money.of(input.amount, invoice.currency, 'amount').exact('amount');
      if (!amount.isPositive()) throw ValidationError.field('amount', 'amount must be more than 0');
      const tagIds = await loadInvoiceTagIds(tx, invoice.id);
      const before = invoiceSnapshot(invoice, tagIds);
      const paidOff = invoice.recordPayment(amount);
      const payments = tx.repository(InvoicePaymentEntity);
      const payment = await payments.save(
        payments.create({
          organizationId: invoice.organizationId,
          invoiceId: invoice.id,
          amount: amount.amount.toFixed(4),
          currency: invoice.currency,
          paidOn: input.paidOn ?? todayUtc(),
          method: input.method ?? 'BANK_TRANSFER',
          reference: input.reference ?? null,
        }),
      );
      const saved = await invoices.save(invoice);
      await tx.publish(InvoicePaymentRecorded, {
        entityId: payment.id,
        organizationId: payment.organizationId,
        after: paymentSnapshot(payment),
      });
      if (paidOff) await recordInvoiceChange(tx, InvoicePaid, saved, { before, after: invoiceSnapshot(saved, tagIds) });
      return payment;
    });
  }
}
