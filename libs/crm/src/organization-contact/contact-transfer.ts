import { CrmTransferParticipants, inSource, inTarget, MERGED_RECORD, MOVED_RECORD } from '../crm-transfer';

/**
 * Contacts in a CRM transfer: a contact whose e-mail (any case) a live contact of the target has
 * merges into it (GitLab: contacts de-duplicate by e-mail) — the survivor keeps its own fields,
 * takes the merged one's links (tickets, deals, activities, notes, tags, members, each re-pointed
 * by the module owning it) — and is deleted where it was; the others move, their company
 * re-pointed through the customers' merges.
 */
CrmTransferParticipants.register({
  key: 'contact',
  order: 30,
  tables: ['contact', 'contact_member'],
  match: (transfer) =>
    transfer.execute(
      () => `SELECT source.id AS "sourceId", target.id AS "targetId", lower(source.primary_email) AS label
               FROM contact source
               JOIN contact target ON ${inTarget('target')} AND target.deleted_at IS NULL
                                  AND lower(target.primary_email) = lower(source.primary_email)
              WHERE ${inSource('source')} AND source.deleted_at IS NULL AND source.primary_email IS NOT NULL
              ORDER BY lower(source.primary_email), source.id`,
    ),
  count: (transfer) =>
    transfer.count(
      (sql) => `SELECT count(*) AS count FROM contact
                 WHERE ${inSource()} AND deleted_at IS NULL AND id <> ALL(${sql.mergedIds('contact')})`,
    ),
  move: async (transfer) => {
    // A member the surviving contact already has is not doubled.
    await transfer.execute(
      (sql) => `DELETE FROM contact_member source
                 WHERE ${inSource('source')}
                   AND EXISTS (SELECT 1 FROM contact_member target
                                WHERE ${inTarget('target')} AND target.user_id = source.user_id
                                  AND target.contact_id = ${sql.repoint('source.contact_id', 'contact')})`,
    );
    await transfer.execute(
      (sql) => `UPDATE contact_member SET organization_id = $3,
                       contact_id = ${sql.repoint('contact_member.contact_id', 'contact')}
                 WHERE ${inSource()}`,
    );
    await transfer.execute(
      (sql) => `UPDATE contact SET customer_id = ${sql.repoint('contact.customer_id', 'customer')}
                 WHERE ${inSource()} AND customer_id IS NOT NULL`,
    );
    await transfer.execute(
      (sql) => `UPDATE contact SET ${MERGED_RECORD} WHERE ${inSource()} AND id = ANY(${sql.mergedIds('contact')})`,
    );
    await transfer.execute(
      (sql) => `UPDATE contact SET ${MOVED_RECORD} WHERE ${inSource()} AND id <> ALL(${sql.mergedIds('contact')})`,
    );
  },
});
