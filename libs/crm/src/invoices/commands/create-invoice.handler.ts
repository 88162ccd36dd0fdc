import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { OrganizationEntity, Permission, UnitOfWork } from '@clientele/core';
import { defaultOwnerId } from '../../record-ownership';
import { findOrganizationTags, requestedTagIds } from '../../tags';
import { todayUtc } from '../dto/invoice.response';
import { InvoiceEntity } from '../entities/invoice.entity';
import { InvoiceCreated, invoiceSnapshot, recordInvoiceChange } from '../events/invoice.events';
import { composeDraft } from '../invoice-draft';
import { assertInvoiceParties } from '../invoice-parties';
import { INVOICE_TAGS } from '../invoice-tags';
import { CreateInvoiceCommand } from './create-invoice.command';

/**
 * A DRAFT invoice (no number yet), in the organization's currency unless told, issued today
 * unless told, owned by its creator, with the organization's tags it names; its figures computed
 * here. An AGENT creates its own.
 */
@CommandHandler(CreateInvoiceCommand)
export class CreateInvoiceHandler implements ICommandHandler<CreateInvoiceCommand, InvoiceEntity> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ input }: CreateInvoiceCommand): Promise<InvoiceEntity> {
    return this.uow.run(async (tx) => {
      const organizationId = tx.scope.targetOrganizationId(input.organizationId);
      const organization = await tx.repository(OrganizationEntity).findOneOrFail(organizationId);
      tx.scope.assertCanEdit(
        organizationId,
        defaultOwnerId(tx.scope),
        Permission.ORG_INVOICE_EDIT,
        Permission.ORG_INVOICE_EDIT_OWN,
      );
      await assertInvoiceParties(tx, organizationId, input);
      const requestedTags = requestedTagIds(input);
      const tags = await findOrganizationTags(
        tx,
        organizationId,
        requestedTags?.ids ?? [],
        requestedTags?.field ?? 'tags',
      );
      const tagIds = tags.map((tag) => tag.id);
      const invoices = tx.repository(InvoiceEntity);
      const invoice = invoices.create({
        organizationId,
        kind: 'INVOICE',
        number: null,
        status: 'DRAFT',
        currency: input.currency ?? organization.defaultCurrency,
        contactId: input.contactId?.toLowerCase() ?? null,
        customerId: input.customerId?.toLowerCase() ?? null,
        ownerId: defaultOwnerId(tx.scope),
        creditedInvoiceId: null,
        issueDate: input.issueDate ?? todayUtc(),
        dueDate: null,
        paymentTermsDays: null,
        notes: null,
        terms: null,
        pricesIncludeTax: false,
        discountKind: null,
        discountValue: null,
        items: [],
        amountPaid: '0',
        amountCredited: '0',
        amountRefunded: '0',
        sentAt: null,
        sentTo: null,
        voidedAt: null,
      });
      composeDraft(invoice, { ...input, items: input.items ?? [] });
      const saved = await invoices.save(invoice);
      await INVOICE_TAGS.add(tx, saved, tagIds);
      await recordInvoiceChange(tx, InvoiceCreated, saved, { after: invoiceSnapshot(saved, tagIds) });
      return saved;
    });
  }
}
