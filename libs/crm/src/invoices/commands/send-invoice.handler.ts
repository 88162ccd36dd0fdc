import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { OrganizationEntity, Permission, UnitOfWork } from '@clientele/core';
import { ContactEntity } from '../../organization-contact';
import { nextDocumentNumber } from '../document-numbering';
import { InvoiceEntity } from '../entities/invoice.entity';
import { InvoiceSent, invoiceSnapshot, recordInvoiceChange } from '../events/invoice.events';
import { documentPrefix } from '../invoice-number';
import { SendInvoiceCommand } from './send-invoice.command';
import { loadInvoiceTagIds } from '../invoice-tags';

/**
 * DRAFT → SENT: the invoice takes the next number of its organization's sequence for its issue
 * year (`INV-2026-00042`, the organization's `invoicePrefix`), locked in this transaction, and
 * records whom it went to (`to`, default the contact's e-mail).
 */
@CommandHandler(SendInvoiceCommand)
export class SendInvoiceHandler implements ICommandHandler<SendInvoiceCommand, InvoiceEntity> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ invoiceId, input }: SendInvoiceCommand): Promise<InvoiceEntity> {
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
      invoice.assertSendable();
      const tagIds = await loadInvoiceTagIds(tx, invoice.id);
      const before = invoiceSnapshot(invoice, tagIds);
      let to = input.to ?? [];
      if (input.to === undefined && invoice.contactId !== null) {
        const contact = await tx.repository(ContactEntity).findOne(invoice.contactId);
        to = contact?.primaryEmail ? [contact.primaryEmail] : [];
      }
      const organization = await tx.repository(OrganizationEntity).findOneOrFail(invoice.organizationId);
      const number = await nextDocumentNumber(
        tx,
        invoice.organizationId,
        'INVOICE',
        Number(invoice.issueDate.slice(0, 4)),
        documentPrefix('INVOICE', organization.invoicePrefix),
      );
      invoice.send(number, to, new Date());
      const saved = await invoices.save(invoice);
      await recordInvoiceChange(tx, InvoiceSent, saved, { before, after: invoiceSnapshot(saved, tagIds) });
      return saved;
    });
  }
}
