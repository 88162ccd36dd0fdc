import { CrmTransferParticipants, inSource, MOVED_RECORD } from '../crm-transfer';

/**
 * Projects in a CRM transfer: each moves with its customer and its people, re-pointed to the
 * survivors of their merges (as a ticket's contacts are).
 */
CrmTransferParticipants.register({
  key: 'project',
  order: 86,
  tables: ['project', 'project_contact'],
  count: (transfer) =>
    transfer.count(() => `SELECT count(*) AS count FROM project WHERE ${inSource()} AND deleted_at IS NULL`),
  move: async (transfer) => {
    await transfer.execute(
      (sql) => `UPDATE project_contact SET organization_id = $3,
                       contact_id = ${sql.repoint('project_contact.contact_id', 'contact')}
                 WHERE ${inSource()}`,
    );
    await transfer.execute(
      (sql) => `UPDATE project SET ${MOVED_RECORD}, customer_id = ${sql.repoint('project.customer_id', 'customer')}
                 WHERE ${inSource()}`,
    );
  },
});
