import type { ExportColumn } from '@clientele/core';

/** One ticket as the export query selects it. */
export interface TicketExportRow {
  id: string;
  organizationId: string;
  title: string;
  status: string;
  priority: string;
  customerId: string | null;
  assigneeId: string | null;
  contacts: string | null;
  tags: string | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The columns of `tickets-YYYY-MM-DD.csv`, in order; contacts by e-mail, tags by name. */
export const TICKET_EXPORT_COLUMNS: readonly ExportColumn<TicketExportRow>[] = [
  { header: 'id', value: (row) => row.id },
  { header: 'organizationId', value: (row) => row.organizationId },
  { header: 'title', value: (row) => row.title },
  { header: 'status', value: (row) => row.status },
  { header: 'priority', value: (row) => row.priority },
  { header: 'customerId', value: (row) => row.customerId },
  { header: 'assigneeId', value: (row) => row.assigneeId },
  { header: 'contacts', value: (row) => row.contacts },
  { header: 'tags', value: (row) => row.tags },
  { header: 'resolvedAt', value: (row) => row.resolvedAt },
  { header: 'closedAt', value: (row) => row.closedAt },
  { header: 'createdAt', value: (row) => row.createdAt },
  { header: 'updatedAt', value: (row) => row.updatedAt },
];
