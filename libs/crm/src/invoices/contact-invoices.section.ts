import { Permission } from '@clientele/core';
import { ContactDetailSections } from '../organization-contact';
import { InvoiceResponse, todayUtc } from './dto/invoice.response';
import { InvoiceEntity } from './entities/invoice.entity';
import { loadTagsByRecord, TagEntity } from '../tags';
import { INVOICE_TAGS } from './invoice-tags';

/** How many of a contact's invoices its detail view shows, newest first. */
const RECENT_INVOICES = 5;

/** The contact detail's recent invoices and credit notes; empty without `ORG_INVOICE_VIEW` there. */
ContactDetailSections.register({
  key: 'recentInvoices',
  order: 45,
  description: `The contact's ${RECENT_INVOICES} most recent invoices and credit notes (needs ORG_INVOICE_VIEW).`,
  load: async (reader, contact) => {
    if (!reader.scope().isGranted(contact.organizationId, [Permission.ORG_INVOICE_VIEW])) return [];
    const invoices = await reader
      .repository(InvoiceEntity)
      .query('invoice', 'visible')
      .andWhere('invoice.organizationId = :contactOrganizationId', { contactOrganizationId: contact.organizationId })
      .andWhere('invoice.contactId = :invoiceContactId', { invoiceContactId: contact.id })
      .orderBy('invoice.createdAt', 'DESC')
      .addOrderBy('invoice.id', 'DESC')
      .limit(RECENT_INVOICES)
      .getMany();
    const tags = await loadTagsByRecord(
      reader.repository(TagEntity),
      INVOICE_TAGS,
      invoices.map((invoice) => invoice.id),
    );
    const today = todayUtc();
    return invoices.map((invoice) => InvoiceResponse.from(invoice, tags.get(invoice.id) ?? [], today));
  },
});
