import { CrmTransferBlockedError, CrmTransferParticipants, inSource, inTarget, MOVED_RECORD } from '../crm-transfer';

/**
 * Assets in a CRM transfer: each moves with its customer and its person, re-pointed to the
 * survivors of their merges. A serial number is unique per customer, so an asset whose serial
 * the surviving customer already has refuses the transfer (409, a dry run too) rather than
 * doubling it: which of the two is the real device is for a person to decide.
 */
CrmTransferParticipants.register({
  key: 'asset',
  order: 85,
  tables: ['asset'],
  count: async (transfer) => {
    const clashes = await transfer.execute<{ serial: string }>(
      (sql) => `SELECT source.serial_number AS serial FROM asset source
                 JOIN asset target ON ${inTarget('target')} AND target.deleted_at IS NULL
                                  AND target.customer_id = ${sql.repoint('source.customer_id', 'customer')}
                                  AND lower(target.serial_number) = lower(source.serial_number)
                WHERE ${inSource('source')} AND source.deleted_at IS NULL
                ORDER BY 1 LIMIT 5`,
    );
    if (clashes.length > 0) {
      throw new CrmTransferBlockedError(
        `The target organization's customers already have assets with the serial numbers ${clashes
          .map((clash) => clash.serial)
          .join(', ')}; a serial number is unique per customer.`,
      );
    }
    return transfer.count(() => `SELECT count(*) AS count FROM asset WHERE ${inSource()} AND deleted_at IS NULL`);
  },
  move: async (transfer) => {
    await transfer.execute(
      (sql) => `UPDATE asset SET ${MOVED_RECORD},
                       customer_id = ${sql.repoint('asset.customer_id', 'customer')},
                       contact_id = ${sql.repoint('asset.contact_id', 'contact')}
                 WHERE ${inSource()}`,
    );
  },
});
