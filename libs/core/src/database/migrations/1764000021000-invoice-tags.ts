import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tags on invoices and credit notes: a tag link like `ticket_tag`, keyed by tenant and
 * organization so an invoice can carry only its own organization's tags.
 */
export class InvoiceTags1764000021000 implements MigrationInterface {
  name = 'InvoiceTags1764000021000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE invoice_tag (
        tenant_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        invoice_id uuid NOT NULL,
        tag_id uuid NOT NULL,
        PRIMARY KEY (tenant_id, organization_id, invoice_id, tag_id),
        CONSTRAINT invoice_tag_invoice_fkey FOREIGN KEY (tenant_id, organization_id, invoice_id)
          REFERENCES invoice (tenant_id, organization_id, id) ON DELETE CASCADE DEFERRABLE INITIALLY IMMEDIATE,
        CONSTRAINT invoice_tag_tag_fkey FOREIGN KEY (tenant_id, organization_id, tag_id)
          REFERENCES tag (tenant_id, organization_id, id) ON DELETE CASCADE DEFERRABLE INITIALLY IMMEDIATE
      )`);
    // The `tag` filter of the invoice list: one probe from the tag side.
    await q.query(
      `CREATE INDEX invoice_tag_tag_id_idx ON invoice_tag (tenant_id, organization_id, tag_id, invoice_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS invoice_tag`);
  }
}
