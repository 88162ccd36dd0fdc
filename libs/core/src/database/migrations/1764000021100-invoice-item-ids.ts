import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every invoice line gets an `id` inside `items` (the jsonb array stays the one store of lines),
 * so `…/invoices/:id/items/:itemId` can name a line; new lines get theirs from the app.
 */
export class InvoiceItemIds1764000021100 implements MigrationInterface {
  name = 'InvoiceItemIds1764000021100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE invoice
         SET items = (SELECT jsonb_agg(CASE WHEN line.item ? 'id' THEN line.item
                                            ELSE line.item || jsonb_build_object('id', gen_random_uuid()) END
                                       ORDER BY line.position)
                        FROM jsonb_array_elements(invoice.items) WITH ORDINALITY AS line(item, position))
       WHERE jsonb_array_length(items) > 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE invoice
         SET items = (SELECT jsonb_agg(line.item - 'id' ORDER BY line.position)
                        FROM jsonb_array_elements(invoice.items) WITH ORDINALITY AS line(item, position))
       WHERE jsonb_array_length(items) > 0`);
  }
}
