import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Permission, UnitOfWork } from '@clientele/core';
import { findOrganizationTags, requestedTagIds } from '../../tags';
import type { UpdateInvoiceDto } from '../dto/update-invoice.dto';
import { InvoiceEntity } from '../entities/invoice.entity';
import { InvoiceUpdated, invoiceSnapshot, recordInvoiceChange } from '../events/invoice.events';
import { composeDraft } from '../invoice-draft';
import { assertInvoiceParties } from '../invoice-parties';
import { INVOICE_TAGS, loadInvoiceTagIds } from '../invoice-tags';
import { UpdateInvoiceCommand } from './update-invoice.command';

/** The fields that may change whatever the status: filing labels, not part of the legal document. */
const ANY_STATUS_FIELDS: ReadonlySet<string> = new Set<keyof UpdateInvoiceDto>(['tags', 'tagIds']);

/**
 * Changes a draft (409 once sent) and recomputes its figures; an AGENT only its own. Tags alone
 * may change in any status: a body of only `tags`/`tagIds` leaves the document untouched.
 */
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
      const changesDocument = Object.entries(input).some(
        ([field, value]) => value !== undefined && !ANY_STATUS_FIELDS.has(field),
      );
      const requestedTags = requestedTagIds(input);
      if (changesDocument || requestedTags === undefined) invoice.assertDraft();
      const tagIdsBefore = await loadInvoiceTagIds(tx, invoice.id);
      const before = invoiceSnapshot(invoice, tagIdsBefore);
      const tagIds =
        requestedTags === undefined
          ? tagIdsBefore
          : (await findOrganizationTags(tx, invoice.organizationId, requestedTags.ids, requestedTags.field)).map(
              (tag) => tag.id,
            );
      if (changesDocument) {
        await assertInvoiceParties(tx, invoice.organizationId, input);
        if (input.contactId !== undefined) invoice.contactId = input.contactId?.toLowerCase() ?? null;
        if (input.customerId !== undefined) invoice.customerId = input.customerId?.toLowerCase() ?? null;
        composeDraft(invoice, input);
      }
      // Saved even for tags alone: the version and updatedAt say the invoice changed.
      invoice.updatedAt = new Date();
      const saved = await invoices.save(invoice);
      if (requestedTags !== undefined) await INVOICE_TAGS.replace(tx, saved, tagIds);
      await recordInvoiceChange(tx, InvoiceUpdated, saved, { before, after: invoiceSnapshot(saved, tagIds) });
      return saved;
    });
  }
}
