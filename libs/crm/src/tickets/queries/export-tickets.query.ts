import type { ExportFormat } from '@clientele/core';
import type { ListTicketsParams } from '../dto/list-tickets.params';

export class ExportTicketsQuery {
  constructor(
    readonly params: ListTicketsParams,
    readonly format: ExportFormat,
  ) {}
}
