import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError, Permission, UnitOfWork } from '@clientele/core';
import { InvoicePaymentEntity } from '../entities/invoice-payment.entity';
import { InvoiceEntity } from '../entities/invoice.entity';
import { InvoicePaymentDeleted, paymentSnapshot } from '../events/invoice.events';
import { DeletePaymentCommand } from './delete-payment.command';

/** Takes a payment back: the balance grows again and the invoice reopens (PAID → PARTIALLY_PAID or SENT). */
@CommandHandler(DeletePaymentCommand)
export class DeletePaymentHandler implements ICommandHandler<DeletePaymentCommand, void> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ invoiceId, paymentId }: DeletePaymentCommand): Promise<void> {
    return this.uow.run(async (tx) => {
      const invoices = tx.repository(InvoiceEntity);
      const invoice = await invoices.findOneForUpdate(invoiceId);
      tx.scope.assertCanEdit(invoice.organizationId, invoice.ownerId, Permission.ORG_INVOICE_EDIT);
      const payments = tx.repository(InvoicePaymentEntity);
      const payment = await payments.findOneForUpdate(paymentId);
      if (payment.invoiceId !== invoice.id) throw new NotFoundError('INVOICE_PAYMENT', paymentId);
      invoice.removePayment(invoice.money(payment.amount));
      await payments.softRemove(payment);
      await invoices.save(invoice);
      await tx.publish(InvoicePaymentDeleted, {
        entityId: payment.id,
        organizationId: payment.organizationId,
        before: paymentSnapshot(payment),
      });
    });
  }
}
