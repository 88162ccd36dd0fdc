import type { ExportFormat } from '@clientele/core';
import type { ListCustomersParams } from '../dto/list-customers.params';

export class ExportCustomersQuery {
  constructor(
    readonly params: ListCustomersParams,
    readonly format: ExportFormat,
  ) {}
}
