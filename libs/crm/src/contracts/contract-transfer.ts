import { CrmTransferParticipants, inSource, MOVED_RECORD } from '../crm-transfer';

/**
 * Contracts in a CRM transfer: each moves with its customer, re-pointed to the surviving target
 * customer where its own was merged (its SLA policy travels inside it). Tickets keep the due
 * times they were stamped with. The organization's default policy stays with the organization,
 * as its settings do.
 */
CrmTransferParticipants.register({
  key: 'contract',
  order: 84,
  tables: ['contract'],
  count: (transfer) =>
    transfer.count(() => `SELECT count(*) AS count FROM contract WHERE ${inSource()} AND deleted_at IS NULL`),
  move: async (transfer) => {
    await transfer.execute(
      (sql) => `UPDATE contract SET ${MOVED_RECORD}, customer_id = ${sql.repoint('contract.customer_id', 'customer')}
                 WHERE ${inSource()}`,
    );
  },
});
