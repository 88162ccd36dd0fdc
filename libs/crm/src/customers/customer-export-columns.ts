import type { ExportColumn } from '@clientele/core';
import { CustomerColumns, readCustomerColumn } from './customer-columns';

/** One customer as the export query selects it (the registered columns under their own aliases). */
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
  [registeredColumn: string]: unknown;
}

/**
 * The columns of `customers-YYYY-MM-DD.csv`, in order: the list row's fields, the registered
 * columns after `contactCount`, tags by name.
 */
export function customerExportColumns(): readonly ExportColumn<CustomerExportRow>[] {
  const registered = CustomerColumns.list().map((column): ExportColumn<CustomerExportRow> => ({
    header: column.key,
    value: (row) => readCustomerColumn(column, row),
  }));
  return [
    { header: 'id', value: (row) => row.id },
    { header: 'organizationId', value: (row) => row.organizationId },
    { header: 'name', value: (row) => row.name },
    { header: 'kind', value: (row) => row.kind },
    { header: 'primaryDomain', value: (row) => row.primaryDomain },
    { header: 'logoUrl', value: (row) => row.logoUrl },
    { header: 'ownerId', value: (row) => row.ownerId },
    { header: 'contactCount', value: (row) => row.contactCount },
    ...registered,
    { header: 'tags', value: (row) => row.tags },
    { header: 'createdAt', value: (row) => row.createdAt },
    { header: 'updatedAt', value: (row) => row.updatedAt },
  ];
}
