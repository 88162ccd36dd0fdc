import type { FacetValue } from '@clientele/core';
import type { SelectQueryBuilder } from 'typeorm';
import { type ListSearch, listSearch } from '../search';
import { whereTagged } from '../tags';
import { DEAL_TAGS } from './deal-tags';
import type { ListDealsParams } from './dto/list-deals.params';
import type { DealEntity } from './entities/deal.entity';

/** Open, with a rotting threshold on its stage, and in the stage longer than that. */
export function rottingSql(alias: string): string {
  return `("${alias}".status = 'OPEN' AND EXISTS (
            SELECT 1 FROM pipeline_stage rot_stage
             WHERE rot_stage.id = "${alias}".stage_id AND rot_stage.tenant_id = "${alias}".tenant_id
               AND rot_stage.rotten_after_days IS NOT NULL
               AND "${alias}".stage_changed_at < now() - make_interval(days => rot_stage.rotten_after_days)))`;
}

/** The list's `q` on the title (`deal_title_trgm`), typo-forgiving; undefined when blank. */
export function dealSearch(alias: string, q: string | undefined): ListSearch | undefined {
  if (q === undefined || q.trim() === '') return undefined;
  const title = `lower(${alias}.title)`;
  return listSearch('dealQ', q, { text: title, exact: [title], prefix: [title] });
}

/** The list's filters, shared by the JSON page and the export. */
export function applyDealFilters(
  qb: SelectQueryBuilder<DealEntity>,
  params: ListDealsParams,
): SelectQueryBuilder<DealEntity> {
  const alias = qb.alias;
  const search = dealSearch(alias, params.q);
  if (search !== undefined) qb.andWhere(search.where, search.parameters);
  const equal: ReadonlyArray<[keyof ListDealsParams, string]> = [
    ['pipelineId', 'pipelineId'],
    ['stageId', 'stageId'],
    ['status', 'status'],
    ['ownerId', 'ownerId'],
    ['contactId', 'contactId'],
    ['customerId', 'customerId'],
    ['currency', 'currency'],
  ];
  for (const [param, property] of equal) {
    const value = params[param];
    if (value !== undefined) qb.andWhere(`${alias}.${property} = :deal_${param}`, { [`deal_${param}`]: value });
  }
  if (params.valueMin !== undefined) qb.andWhere(`${alias}.value >= :dealValueMin`, { dealValueMin: params.valueMin });
  if (params.valueMax !== undefined) qb.andWhere(`${alias}.value <= :dealValueMax`, { dealValueMax: params.valueMax });
  if (params.closeDateFrom !== undefined) {
    qb.andWhere(`${alias}.expectedCloseDate >= :dealCloseFrom`, { dealCloseFrom: params.closeDateFrom });
  }
  if (params.closeDateTo !== undefined) {
    qb.andWhere(`${alias}.expectedCloseDate <= :dealCloseTo`, { dealCloseTo: params.closeDateTo });
  }
  if (params.rotting !== undefined) qb.andWhere(params.rotting ? rottingSql(alias) : `NOT ${rottingSql(alias)}`);
  if (params.tag !== undefined) whereTagged(qb, DEAL_TAGS, params.tag);
  return qb;
}

/**
 * The counted values (pipeline, stage, status, owner) the list is narrowed by when nothing else
 * narrows it (none: the unfiltered list); `undefined` when any other filter applies.
 */
export function dealFacets(params: ListDealsParams): FacetValue[] | undefined {
  const uncounted = [
    params.q?.trim() || undefined,
    params.contactId,
    params.customerId,
    params.tag,
    params.currency,
    params.valueMin,
    params.valueMax,
    params.closeDateFrom,
    params.closeDateTo,
    params.rotting,
  ];
  if (uncounted.some((value) => value !== undefined)) return undefined;
  const facets: FacetValue[] = [];
  if (params.pipelineId !== undefined) facets.push({ column: 'pipeline_id', value: params.pipelineId });
  if (params.stageId !== undefined) facets.push({ column: 'stage_id', value: params.stageId });
  if (params.status !== undefined) facets.push({ column: 'status', value: params.status });
  if (params.ownerId !== undefined) facets.push({ column: 'owner_id', value: params.ownerId });
  return facets;
}

/** Sortable fields of the deal list (all NOT NULL). */
export const DEAL_SORTS = {
  title: 'title',
  value: 'value',
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
  stageChangedAt: 'stageChangedAt',
} as const;
