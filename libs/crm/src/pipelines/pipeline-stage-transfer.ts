import { CrmTransferBlockedError, CrmTransferParticipants, inSource, inTarget } from '../crm-transfer';

/**
 * Pipeline stages in a CRM transfer: pipelines are the organization's set-up, not its CRM, so
 * they stay; each stage the source's deals are in maps onto the target's stage of the same kind
 * (OPEN, WON, LOST) — in the pipeline of the same name, else the target's first pipeline — by
 * name where one matches, else its first stage of that kind. Reported as merges, so the deals
 * participant re-points `stage_id` (and takes the stage's pipeline).
 */
CrmTransferParticipants.register({
  key: 'pipelineStage',
  order: 40,
  tables: ['pipeline', 'pipeline_stage'],
  match: async (transfer) => {
    const rows = await transfer.execute<{ sourceId: string; targetId: string | null; label: string }>(
      () => `WITH used AS (
               SELECT DISTINCT stage_id FROM deal WHERE ${inSource()}
             )
             SELECT stage.id AS "sourceId", mapped.id AS "targetId", pipeline.name || ' › ' || stage.name AS label
               FROM pipeline_stage stage
               JOIN pipeline ON pipeline.id = stage.pipeline_id
               LEFT JOIN LATERAL (
                 SELECT candidate.id FROM pipeline candidate
                  WHERE ${inTarget('candidate')} AND candidate.deleted_at IS NULL
                  ORDER BY (lower(candidate.name) = lower(pipeline.name)) DESC, candidate.created_at, candidate.id
                  LIMIT 1
               ) target_pipeline ON true
               LEFT JOIN LATERAL (
                 SELECT candidate.id FROM pipeline_stage candidate
                  WHERE ${inTarget('candidate')} AND candidate.deleted_at IS NULL
                    AND candidate.pipeline_id = target_pipeline.id AND candidate.kind = stage.kind
                  ORDER BY (lower(candidate.name) = lower(stage.name)) DESC, candidate.position, candidate.id
                  LIMIT 1
               ) mapped ON true
              WHERE ${inSource('stage')} AND stage.id IN (SELECT stage_id FROM used)
              ORDER BY label, stage.id`,
    );
    const unmapped = rows.filter((row) => row.targetId === null).map((row) => row.label);
    if (unmapped.length > 0) {
      throw new CrmTransferBlockedError(
        `The target organization has no pipeline stage for the deals in ${unmapped.join(', ')}: give it a pipeline with stages of the same kinds first.`,
      );
    }
    return rows.map((row) => ({ sourceId: row.sourceId, targetId: row.targetId ?? '', label: row.label }));
  },
  count: () => Promise.resolve(0),
});
