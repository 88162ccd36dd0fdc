import type { ExportFormat } from '@clientele/core';
import type { ListDealsParams } from '../dto/list-deals.params';

export class ExportDealsQuery {
  constructor(
    readonly params: ListDealsParams,
    readonly format: ExportFormat,
  ) {}
}
