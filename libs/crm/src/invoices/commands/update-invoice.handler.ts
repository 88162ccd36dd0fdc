import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Permission, UnitOfWork } from '@clientele/core';
import { InvoiceEntity } from '../entities/invoice.entity';
import { InvoiceUpdated, invoiceSnapshot, recordInvoiceChange } from '../events/invoice.events';
import { composeDraft } from '../invoice-draft';
import { assertInvoiceParties } from '../invoice-parties';
import { UpdateInvoiceCommand } from './update-invoice.command';

/** Changes a draft (409 once sent) and recomputes its figures; an AGENT only its own. */
@CommandHandler(UpdateInvoiceCommand)
export class UpdateInvoiceHandler implements ICommandHandler<UpdateInvoiceCommand, InvoiceEntity> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ invoiceId, input }: UpdateInvoiceCommand): Promise<InvoiceEntity> {
    return this.uow.run(async (tx) => {
      const invoices = tx.repository(InvoiceEntity);
      const invoice = await invoices.findOneForUpdate(invoiceId);
      tx.scope.assertCanEdit(
        invoice.organizationId,
        invoice.ownerId,
        Permission.ORG_INVOICE_EDIT,
        Permission.ORG_INVOICE_EDIT_OWN,
      );
      invoice.assertDraft();
      const before = invoiceSnapshot(invoice);
      await assertInvoiceParties(tx, invoice.organizationId, input);
      if (input.contactId !== undefined) invoice.contactId = input.contactId?.toLowerCase() ?? null;
      if (input.customerId !== undefined) invoice.customerId = input.customerId?.toLowerCase() ?? null;
      composeDraft(invoice, input);
      const saved = await invoices.save(invoice);
      await recordInvoiceChange(tx, InvoiceUpdated, saved, { before, after: invoiceSnapshot(saved) });
      return saved;
    });
  }
}
