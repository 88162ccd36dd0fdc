import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Permission, UnitOfWork } from '@clientele/core';
import { InvoiceEntity } from '../entities/invoice.entity';
import { InvoiceVoided, invoiceSnapshot, recordInvoiceChange } from '../events/invoice.events';
import { VoidInvoiceCommand } from './void-invoice.command';
import { loadInvoiceTagIds } from '../invoice-tags';

/** SENT → VOID when nothing is paid or credited; the number stays taken (gap-free). */
@CommandHandler(VoidInvoiceCommand)
export class VoidInvoiceHandler implements ICommandHandler<VoidInvoiceCommand, InvoiceEntity> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ invoiceId }: VoidInvoiceCommand): Promise<InvoiceEntity> {
    return this.uow.run(async (tx) => {
      const invoices = tx.repository(InvoiceEntity);
      const invoice = await invoices.findOneForUpdate(invoiceId);
      tx.scope.assertCanEdit(
        invoice.organizationId,
        invoice.ownerId,
        Permission.ORG_INVOICE_EDIT,
        Permission.ORG_INVOICE_EDIT_OWN,
      );
      const tagIds = await loadInvoiceTagIds(tx, invoice.id);
      const before = invoiceSnapshot(invoice, tagIds);
      invoice.void(new Date());
      const saved = await invoices.save(invoice);
      await recordInvoiceChange(tx, InvoiceVoided, saved, { before, after: invoiceSnapshot(saved, tagIds) });
      return saved;
    });
  }
}
