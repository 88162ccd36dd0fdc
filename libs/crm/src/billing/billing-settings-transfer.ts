import { CrmTransferBlockedError, CrmTransferParticipants, inSource } from '../crm-transfer';

/**
 * Billing settings in a CRM transfer: they bill into the organization's invoice sequence, so,
 * as invoices, they do not move, and a customer that has them keeps the transfer from running.
 */
CrmTransferParticipants.register({
  key: 'billingSettings',
  order: 91,
  tables: ['billing_settings'],
  check: async (transfer) => {
    const count = await transfer.count(() => `SELECT count(*) AS count FROM billing_settings WHERE ${inSource()}`);
    if (count > 0) {
      throw new CrmTransferBlockedError(
        `The source organization has billing settings for ${count} customer${count === 1 ? '' : 's'}; ` +
          'they bill into its own invoice numbering and cannot move.',
      );
    }
  },
});
