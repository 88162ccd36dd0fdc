import type { ExportColumn } from '@clientele/core';
import { NO_TICKETS_CONTRACTS_OR_BILLING } from './customer-stats';

/** One customer as the export query selects it. */
export interface CustomerExportRow {
  id: string;
  organizationId: string;
  name: string;
  kind: string;
  primaryDomain: string | null;
  logoUrl: string | null;
  ownerId: string | null;
  contactCount: number;
  tags: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The columns of `customers-YYYY-MM-DD.csv`, in order; the list row's fields, tags by name. */
export const CUSTOMER_EXPORT_COLUMNS: readonly ExportColumn<CustomerExportRow>[] = [
  { header: 'id', value: (row) => row.id },
  { header: 'organizationId', value: (row) => row.organizationId },
  { header: 'name', value: (row) => row.name },
  { header: 'kind', value: (row) => row.kind },
  { header: 'primaryDomain', value: (row) => row.primaryDomain },
  { header: 'logoUrl', value: (row) => row.logoUrl },
  { header: 'ownerId', value: (row) => row.ownerId },
  { header: 'contactCount', value: (row) => row.contactCount },
  { header: 'openTicketCount', value: () => NO_TICKETS_CONTRACTS_OR_BILLING.openTicketCount },
  { header: 'contractStatus', value: () => NO_TICKETS_CONTRACTS_OR_BILLING.contractStatus },
  { header: 'billingSummary', value: () => NO_TICKETS_CONTRACTS_OR_BILLING.billingSummary },
  { header: 'tags', value: (row) => row.tags },
  { header: 'createdAt', value: (row) => row.createdAt },
  { header: 'updatedAt', value: (row) => row.updatedAt },
];
