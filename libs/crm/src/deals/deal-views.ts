import type { RawRow } from '@clientele/core';
import type { SelectQueryBuilder } from 'typeorm';
import { type TagSummary, tagSummariesSql } from '../tags';
import { DEAL_TAGS } from './deal-tags';
import type { DealStageSummary, DealView } from './deal-view';
import type { DealEntity } from './entities/deal.entity';

const STAGE = 'view_stage';
const TAGS = 'view_tags';

/** The deal's stage as JSON, a column of the deal's own statement (one primary-key probe per row). */
export function dealStageSql(alias: string): string {
  return `(SELECT json_build_object('id', view_stage.id, 'name', view_stage.name, 'kind', view_stage.kind,
                                   'position', view_stage.position, 'probability', view_stage.probability,
                                   'rottenAfterDays', view_stage.rotten_after_days)
             FROM pipeline_stage view_stage
            WHERE view_stage.id = "${alias}".stage_id AND view_stage.tenant_id = "${alias}".tenant_id)`;
}

/** Adds a deal's stage and tags to its query, as columns of the same statement. */
export function selectDealView(qb: SelectQueryBuilder<DealEntity>): SelectQueryBuilder<DealEntity> {
  return qb.addSelect(dealStageSql(qb.alias), STAGE).addSelect(tagSummariesSql(DEAL_TAGS, qb.alias), TAGS);
}

/** The deal with what `selectDealView` added, and its probability and rotting as of `now`. */
export function dealView(deal: DealEntity, raw: RawRow, now = new Date()): DealView {
  const stage = raw[STAGE] as DealStageSummary;
  return {
    deal,
    stage,
    tags: raw[TAGS] as TagSummary[],
    probability: deal.effectiveProbability(stage),
    rotting: deal.isRotting(stage, now),
  };
}
