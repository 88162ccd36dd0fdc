import type { ExportFormat } from '@clientele/core';
import type { ListInvoicesParams } from '../dto/list-invoices.params';

export class ExportInvoicesQuery {
  constructor(
    readonly params: ListInvoicesParams,
    readonly format: ExportFormat,
  ) {}
}
