import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Permission, UnitOfWork } from '@clientele/core';
import { InvoiceEntity } from '../entities/invoice.entity';
import { InvoiceDeleted, invoiceSnapshot, recordInvoiceChange } from '../events/invoice.events';
import { DeleteInvoiceCommand } from './delete-invoice.command';
import { loadInvoiceTagIds } from '../invoice-tags';

/** Deletes a draft (soft; it has no number, so none is burnt); a sent invoice is voided instead (409). */
@CommandHandler(DeleteInvoiceCommand)
export class DeleteInvoiceHandler implements ICommandHandler<DeleteInvoiceCommand, void> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ invoiceId }: DeleteInvoiceCommand): Promise<void> {
    return this.uow.run(async (tx) => {
      const invoices = tx.repository(InvoiceEntity);
      const invoice = await invoices.findOneForUpdate(invoiceId);
      tx.scope.assertCanEdit(invoice.organizationId, invoice.ownerId, Permission.ORG_INVOICE_EDIT);
      invoice.assertDraft();
      await invoices.softRemove(invoice);
      await recordInvoiceChange(tx, InvoiceDeleted, invoice, {
        before: invoiceSnapshot(invoice, await loadInvoiceTagIds(tx, invoice.id)),
      });
    });
  }
}
