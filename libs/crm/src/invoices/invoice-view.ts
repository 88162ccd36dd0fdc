import type { RawRow } from '@clientele/core';
import type { SelectQueryBuilder } from 'typeorm';
import { type TagSummary, tagSummariesSql } from '../tags';
import type { InvoiceEntity } from './entities/invoice.entity';
import { INVOICE_TAGS } from './invoice-tags';

/** An invoice with its live tags, as every read shows it. */
export interface InvoiceView {
  readonly invoice: InvoiceEntity;
  readonly tags: readonly TagSummary[];
}

const TAGS = 'view_tags';

/** Adds the invoice's tags to its query, as a column of the same statement. */
export function selectInvoiceView(qb: SelectQueryBuilder<InvoiceEntity>): SelectQueryBuilder<InvoiceEntity> {
  return qb.addSelect(tagSummariesSql(INVOICE_TAGS, qb.alias), TAGS);
}

export function invoiceView(invoice: InvoiceEntity, raw: RawRow): InvoiceView {
  return { invoice, tags: raw[TAGS] as TagSummary[] };
}
