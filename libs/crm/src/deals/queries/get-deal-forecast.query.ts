import type { DealForecastParams } from '../dto/deal-forecast.params';

export class GetDealForecastQuery {
  constructor(readonly params: DealForecastParams) {}
}
