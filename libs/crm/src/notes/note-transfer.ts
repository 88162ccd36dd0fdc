import { CrmTransferParticipants, inSource, MOVED_RECORD } from '../crm-transfer';

/** Notes in a CRM transfer: every note moves, its contact or customer re-pointed through their merges. */
CrmTransferParticipants.register({
  key: 'note',
  order: 70,
  tables: ['note'],
  count: (transfer) =>
    transfer.count(() => `SELECT count(*) AS count FROM note WHERE ${inSource()} AND deleted_at IS NULL`),
  move: async (transfer) => {
    await transfer.execute(
      (sql) => `UPDATE note SET ${MOVED_RECORD},
                       contact_id = ${sql.repoint('note.contact_id', 'contact')},
                       customer_id = ${sql.repoint('note.customer_id', 'customer')}
                 WHERE ${inSource()}`,
    );
  },
});
