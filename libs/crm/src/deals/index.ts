// What other rooms may use from deals.
export { DEAL_TAGS } from './deal-tags';
export { DealsModule } from './deals.module';
export { DealEntity } from './entities/deal.entity';
