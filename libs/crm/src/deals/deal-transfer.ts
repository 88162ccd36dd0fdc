import { CrmTransferParticipants, inSource, MOVED_RECORD } from '../crm-transfer';

/**
 * Deals in a CRM transfer: every deal of the source moves, its contact and customer re-pointed
 * through their merges and its stage mapped onto the target's (`pipelineStage`), with that
 * stage's pipeline. Tags move with the tags participant.
 */
CrmTransferParticipants.register({
  key: 'deal',
  order: 50,
  tables: ['deal'],
  count: (transfer) =>
    transfer.count(() => `SELECT count(*) AS count FROM deal WHERE ${inSource()} AND deleted_at IS NULL`),
  move: async (transfer) => {
    await transfer.execute((sql) => {
      const stage = sql.repoint('deal.stage_id', 'pipelineStage');
      return `UPDATE deal SET ${MOVED_RECORD},
                     contact_id = ${sql.repoint('deal.contact_id', 'contact')},
                     customer_id = ${sql.repoint('deal.customer_id', 'customer')},
                     stage_id = ${stage},
                     pipeline_id = (SELECT mapped.pipeline_id FROM pipeline_stage mapped WHERE mapped.id = ${stage})
               WHERE ${inSource()}`;
    });
  },
});
