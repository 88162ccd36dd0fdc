import type { ExportColumn } from '@clientele/core';
import { dealValueText } from './deal-value';

/** One deal as the export query selects it. */
export interface DealExportRow {
  id: string;
  organizationId: string;
  title: string;
  value: string;
  currency: string;
  expectedCloseDate: string | null;
  pipelineId: string;
  stageId: string;
  stageName: string;
  status: string;
  probability: number;
  contactId: string | null;
  customerId: string | null;
  ownerId: string | null;
  closedAt: Date | null;
  lostReason: string | null;
  stageChangedAt: Date;
  rotting: boolean;
  tags: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The columns of `deals-YYYY-MM-DD.csv`, in order; the list row's fields, stage and tags by name. */
export const DEAL_EXPORT_COLUMNS: readonly ExportColumn<DealExportRow>[] = [
  { header: 'id', value: (row) => row.id },
  { header: 'organizationId', value: (row) => row.organizationId },
  { header: 'title', value: (row) => row.title },
  { header: 'value', value: (row) => dealValueText(row.value, row.currency) },
  { header: 'currency', value: (row) => row.currency },
  { header: 'expectedCloseDate', value: (row) => row.expectedCloseDate },
  { header: 'pipelineId', value: (row) => row.pipelineId },
  { header: 'stageId', value: (row) => row.stageId },
  { header: 'stage', value: (row) => row.stageName },
  { header: 'status', value: (row) => row.status },
  { header: 'probability', value: (row) => row.probability },
  { header: 'contactId', value: (row) => row.contactId },
  { header: 'customerId', value: (row) => row.customerId },
  { header: 'ownerId', value: (row) => row.ownerId },
  { header: 'closedAt', value: (row) => row.closedAt },
  { header: 'lostReason', value: (row) => row.lostReason },
  { header: 'stageChangedAt', value: (row) => row.stageChangedAt },
  { header: 'rotting', value: (row) => row.rotting },
  { header: 'tags', value: (row) => row.tags },
  { header: 'createdAt', value: (row) => row.createdAt },
  { header: 'updatedAt', value: (row) => row.updatedAt },
];
