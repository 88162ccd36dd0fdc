import type { ExportFormat } from '@clientele/core';
import type { ContactFilter } from '../contact-filter';

export class ExportContactsQuery {
  constructor(
    readonly filter: ContactFilter,
    readonly sort: string | undefined,
    readonly format: ExportFormat,
  ) {}
}
