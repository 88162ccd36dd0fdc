import { Decimal, type ExportColumn, Money } from '@clientele/core';

/** One invoice as the export query selects it. */
export interface InvoiceExportRow {
  id: string;
  organizationId: string;
  kind: string;
  number: string | null;
  status: string;
  overdue: boolean;
  currency: string;
  contactId: string | null;
  customerId: string | null;
  issueDate: string;
  dueDate: string | null;
  subtotal: string;
  discountTotal: string;
  netTotal: string;
  taxTotal: string;
  total: string;
  amountPaid: string;
  amountCredited: string;
  balance: string;
  /** Tag names, `; `-separated. */
  tags: string | null;
  sentAt: Date | null;
  createdAt: Date;
}

const money =
  (pick: (row: InvoiceExportRow) => string) =>
  (row: InvoiceExportRow): string =>
    Money.of(new Decimal(pick(row)), row.currency).toString();

/** The columns of `invoices-YYYY-MM-DD.csv`: the list row's figures, as stored, in the currency's minor units. */
export const INVOICE_EXPORT_COLUMNS: readonly ExportColumn<InvoiceExportRow>[] = [
  { header: 'id', value: (row) => row.id },
  { header: 'organizationId', value: (row) => row.organizationId },
  { header: 'kind', value: (row) => row.kind },
  { header: 'number', value: (row) => row.number },
  { header: 'status', value: (row) => (row.overdue ? 'OVERDUE' : row.status) },
  { header: 'currency', value: (row) => row.currency },
  { header: 'contactId', value: (row) => row.contactId },
  { header: 'customerId', value: (row) => row.customerId },
  { header: 'issueDate', value: (row) => row.issueDate },
  { header: 'dueDate', value: (row) => row.dueDate },
  { header: 'subtotal', value: money((row) => row.subtotal) },
  { header: 'discountTotal', value: money((row) => row.discountTotal) },
  { header: 'netTotal', value: money((row) => row.netTotal) },
  { header: 'taxTotal', value: money((row) => row.taxTotal) },
  { header: 'total', value: money((row) => row.total) },
  { header: 'amountPaid', value: money((row) => row.amountPaid) },
  { header: 'amountCredited', value: money((row) => row.amountCredited) },
  { header: 'balance', value: money((row) => row.balance) },
  { header: 'tags', value: (row) => row.tags },
  { header: 'sentAt', value: (row) => row.sentAt },
  { header: 'createdAt', value: (row) => row.createdAt },
];
