import type { ListAuditEntriesParams } from '../dto/list-audit-entries.params';

export class ListAuditEntriesQuery {
  constructor(readonly params: ListAuditEntriesParams) {}
}
