import { CrmTransferParticipants, inSource, inTarget, MERGED_RECORD, MOVED_RECORD } from '../crm-transfer';

/**
 * Customers in a CRM transfer: a customer whose name (any case) the target has merges into it
 * (GitLab: organizations de-duplicate by name) and is deleted where it was; the others move.
 * Modules pointing at customers re-point their own columns through these merges.
 */
CrmTransferParticipants.register({
  key: 'customer',
  order: 20,
  tables: ['customer'],
  match: (transfer) =>
    transfer.execute(
      () => `SELECT source.id AS "sourceId", target.id AS "targetId", source.name AS label
               FROM customer source
               JOIN customer target ON ${inTarget('target')} AND target.deleted_at IS NULL
                                   AND lower(target.name) = lower(source.name)
              WHERE ${inSource('source')} AND source.deleted_at IS NULL
              ORDER BY lower(source.name), source.id`,
    ),
  count: (transfer) =>
    transfer.count(
      (sql) => `SELECT count(*) AS count FROM customer
                 WHERE ${inSource()} AND deleted_at IS NULL AND id <> ALL(${sql.mergedIds('customer')})`,
    ),
  move: async (transfer) => {
    await transfer.execute(
      (sql) => `UPDATE customer SET ${MERGED_RECORD} WHERE ${inSource()} AND id = ANY(${sql.mergedIds('customer')})`,
    );
    await transfer.execute(
      (sql) => `UPDATE customer SET ${MOVED_RECORD} WHERE ${inSource()} AND id <> ALL(${sql.mergedIds('customer')})`,
    );
  },
});
