import { CrmTransferParticipants, inSource, inTarget, MERGED_RECORD, MOVED_RECORD } from '../crm-transfer';
import { TagLinks } from './tag-links';

/**
 * Tags in a CRM transfer: a tag whose name (any case) the target has merges into it, the others
 * move. Every registered tag link table (`contact_tag`, `customer_tag`, `deal_tag`,
 * `ticket_tag`, …) moves here too, its owner re-pointed through the owner's merges (the contacts
 * participant's for `contact_id`), its tag through the tags'; a link the surviving owner already
 * has is dropped rather than doubled.
 */
CrmTransferParticipants.register({
  key: 'tag',
  order: 10,
  // Read when asked: tag links register as their modules load.
  get tables() {
    return ['tag', ...TagLinks.keys()];
  },
  match: (transfer) =>
    transfer.execute(
      () => `SELECT source.id AS "sourceId", target.id AS "targetId", source.name AS label
               FROM tag source
               JOIN tag target ON ${inTarget('target')} AND target.deleted_at IS NULL
                              AND lower(target.name) = lower(source.name)
              WHERE ${inSource('source')} AND source.deleted_at IS NULL
              ORDER BY lower(source.name), source.id`,
    ),
  count: (transfer) =>
    transfer.count(
      (sql) => `SELECT count(*) AS count FROM tag
                 WHERE ${inSource()} AND deleted_at IS NULL AND id <> ALL(${sql.mergedIds('tag')})`,
    ),
  move: async (transfer) => {
    for (const { link } of TagLinks.list()) {
      const owner = link.ownerColumn;
      const ownerKey = owner.replace(/_id$/, '');
      await transfer.execute(
        (sql) => `DELETE FROM ${link.table} source
                   WHERE ${inSource('source')}
                     AND EXISTS (SELECT 1 FROM ${link.table} target
                                  WHERE ${inTarget('target')}
                                    AND target.${owner} = ${sql.repoint(`source.${owner}`, ownerKey)}
                                    AND target.tag_id = ${sql.repoint('source.tag_id', 'tag')})`,
      );
      await transfer.execute(
        (sql) => `UPDATE ${link.table} SET organization_id = $3,
                         ${owner} = ${sql.repoint(`${link.table}.${owner}`, ownerKey)},
                         tag_id = ${sql.repoint(`${link.table}.tag_id`, 'tag')}
                   WHERE ${inSource()}`,
      );
    }
    await transfer.execute(
      (sql) => `UPDATE tag SET ${MERGED_RECORD} WHERE ${inSource()} AND id = ANY(${sql.mergedIds('tag')})`,
    );
    await transfer.execute(
      (sql) => `UPDATE tag SET ${MOVED_RECORD} WHERE ${inSource()} AND id <> ALL(${sql.mergedIds('tag')})`,
    );
  },
});
