import { CrmTransferBlockedError, CrmTransferParticipants, inSource } from '../crm-transfer';

/**
 * Invoices in a CRM transfer: they do not move. Their numbers are gap-free per organization
 * (`INV-2026-00042`), so an invoice cannot join another organization's sequence, and re-pointing
 * a sent invoice at another company would rewrite a legal document. While any invoice of the
 * source names a contact or customer (which would move away from it), the transfer is refused;
 * invoices naming neither stay where they are, and must carry no tags (the tags move).
 */
CrmTransferParticipants.register({
  key: 'invoice',
  order: 90,
  tables: ['invoice', 'invoice_payment', 'invoice_tag'],
  check: async (transfer) => {
    const count = await transfer.count(
      () => `SELECT count(*) AS count FROM invoice
              WHERE ${inSource()} AND (contact_id IS NOT NULL OR customer_id IS NOT NULL)`,
    );
    if (count > 0) {
      throw new CrmTransferBlockedError(
        `The source organization has ${count} invoice${count === 1 ? '' : 's'} naming its contacts or customers; ` +
          'invoices keep their organization’s gap-free numbering and cannot move.',
      );
    }
    // The tags move (or merge) into the target; an invoice staying behind cannot keep one.
    const tagged = await transfer.count(() => `SELECT count(*) AS count FROM invoice_tag WHERE ${inSource()}`);
    if (tagged > 0) {
      throw new CrmTransferBlockedError(
        `The source organization has ${tagged} invoice tag${tagged === 1 ? '' : 's'}; ` +
          'invoices stay with their organization and would lose the tags that move. Remove them first.',
      );
    }
  },
});
