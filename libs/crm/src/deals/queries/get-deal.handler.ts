import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ScopedReader } from '@clientele/core';
import type { DealView } from '../deal-view';
import { dealView, selectDealView } from '../deal-views';
import { DealEntity } from '../entities/deal.entity';
import { GetDealQuery } from './get-deal.query';

/** One deal with its stage and tags, in one statement. */
@QueryHandler(GetDealQuery)
export class GetDealHandler implements IQueryHandler<GetDealQuery, DealView> {
  constructor(private readonly reader: ScopedReader) {}

  async execute({ dealId }: GetDealQuery): Promise<DealView> {
    const { entity, raw } = await this.reader.repository(DealEntity).findOneOrFailWithRaw(dealId, selectDealView);
    return dealView(entity, raw);
  }
}
