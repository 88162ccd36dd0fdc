import type { ExportColumn } from '@clientele/core';

/** One contact as the export query selects it. */
export interface ContactExportRow {
  id: string;
  organizationId: string;
  name: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  jobTitle: string | null;
  kind: string;
  status: string | null;
  customerId: string | null;
  customerName: string | null;
  ownerId: string | null;
  marketingOptOut: boolean;
  isActive: boolean;
  tags: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The columns of `contacts-YYYY-MM-DD.csv`, in order, named as in the portal API. */
export const CONTACT_EXPORT_COLUMNS: readonly ExportColumn<ContactExportRow>[] = [
  { header: 'id', value: (row) => row.id },
  { header: 'organizationId', value: (row) => row.organizationId },
  { header: 'name', value: (row) => row.name },
  { header: 'firstName', value: (row) => row.firstName },
  { header: 'lastName', value: (row) => row.lastName },
  { header: 'email', value: (row) => row.email },
  { header: 'phone', value: (row) => row.phone },
  { header: 'jobTitle', value: (row) => row.jobTitle },
  { header: 'kind', value: (row) => row.kind },
  { header: 'status', value: (row) => row.status },
  { header: 'customerId', value: (row) => row.customerId },
  { header: 'customerName', value: (row) => row.customerName },
  { header: 'ownerId', value: (row) => row.ownerId },
  { header: 'marketingOptOut', value: (row) => row.marketingOptOut },
  { header: 'isActive', value: (row) => row.isActive },
  { header: 'tags', value: (row) => row.tags },
  { header: 'createdAt', value: (row) => row.createdAt },
  { header: 'updatedAt', value: (row) => row.updatedAt },
];
