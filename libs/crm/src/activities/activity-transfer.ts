import { CrmTransferParticipants, inSource, MOVED_RECORD } from '../crm-transfer';

/**
 * Activities in a CRM transfer: every activity moves, its customer and its linked contacts
 * re-pointed through their merges (an activity of the source cannot already be linked to a
 * contact of the target, so no link doubles). Its deal moves with the deals participant, same id.
 */
CrmTransferParticipants.register({
  key: 'activity',
  order: 60,
  tables: ['activity', 'activity_contact'],
  count: (transfer) =>
    transfer.count(() => `SELECT count(*) AS count FROM activity WHERE ${inSource()} AND deleted_at IS NULL`),
  move: async (transfer) => {
    await transfer.execute(
      (sql) => `UPDATE activity_contact SET organization_id = $3,
                       contact_id = ${sql.repoint('activity_contact.contact_id', 'contact')}
                 WHERE ${inSource()}`,
    );
    await transfer.execute(
      (sql) => `UPDATE activity SET ${MOVED_RECORD}, customer_id = ${sql.repoint('activity.customer_id', 'customer')}
                 WHERE ${inSource()}`,
    );
  },
});
