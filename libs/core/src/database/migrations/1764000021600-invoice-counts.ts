import type { MigrationInterface, QueryRunner } from 'typeorm';
import { type CountedTableDeclaration, installCountedTable, uninstallCountedTable } from '../counted-tables';

/** Invoices are counted per organization and per status, kind and currency (their lists' equality filters). */
const INVOICE_COUNTS: CountedTableDeclaration = {
  table: 'invoice',
  facets: [
    { column: 'status', type: 'text' },
    { column: 'kind', type: 'text' },
    { column: 'currency', type: 'text' },
  ],
};

/**
 * Invoices (and credit notes) counted like contacts, deals and tickets: live rows per
 * organization (`record_count`) and per status, kind and currency (`invoice_facet_count`), kept
 * by triggers in the writing transaction, so a list narrowed by those reports an exact total
 * without counting. OVERDUE, and SENT or PARTIALLY_PAID without the overdue ones, depend on
 * today's date: those lists still count.
 */
export class InvoiceCounts1764000021600 implements MigrationInterface {
  name = 'InvoiceCounts1764000021600';

  async up(q: QueryRunner): Promise<void> {
    await installCountedTable(q, INVOICE_COUNTS);
  }

  async down(q: QueryRunner): Promise<void> {
    await uninstallCountedTable(q, INVOICE_COUNTS);
  }
}
