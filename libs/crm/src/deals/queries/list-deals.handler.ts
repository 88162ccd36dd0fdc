import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { countedTotal, type Page, paginate, ScopedReader, UnitOfWork } from '@clientele/core';
import { readTypoTolerant } from '../../search';
import { applyDealFilters, DEAL_SORTS, dealFacets, dealSearch } from '../deal-filters';
import type { DealView } from '../deal-view';
import { dealView, selectDealView } from '../deal-views';
import { DealEntity } from '../entities/deal.entity';
import { ListDealsQuery } from './list-deals.query';

/**
 * Deals with their stage and tags, filtered, paged, sorted: one statement. Narrowed only by
 * pipeline, stage, status and owner, the total is exact from the counters (`deal_facet_count`).
 * A `q` forgives typos and, unless a sort is asked for, puts exact then prefix title matches first.
 */
@QueryHandler(ListDealsQuery)
export class ListDealsHandler implements IQueryHandler<ListDealsQuery, Page<DealView>> {
  constructor(
    private readonly reader: ScopedReader,
    private readonly uow: UnitOfWork,
  ) {}

  execute({ params }: ListDealsQuery): Promise<Page<DealView>> {
    const search = dealSearch('deal', params.q);
    return readTypoTolerant(this.uow, this.reader, search?.typoTolerant === true, (source) => {
      const deals = source.repository(DealEntity);
      const { scope } = deals;
      const qb = applyDealFilters(deals.query('deal'), params);
      const now = new Date();
      return paginate(selectDealView(qb), params, DEAL_SORTS, '-createdAt', {
        total: countedTotal('deal', scope.tenantId, scope.grantedOrganizationIds, dealFacets(params)),
        item: (deal, raw) => dealView(deal, raw, now),
        ...(search !== undefined && params.sort === undefined
          ? { rank: { sql: search.rank, parameters: search.parameters } }
          : {}),
      });
    });
  }
}
