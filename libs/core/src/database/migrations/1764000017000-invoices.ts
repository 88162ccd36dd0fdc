import type { MigrationInterface, QueryRunner } from 'typeorm';

const COMMON = `
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        deleted_at timestamptz(3),
        created_by uuid,
        updated_by uuid,
        version integer NOT NULL DEFAULT 1`;

/**
 * Billing: invoices and credit notes (one table, `kind`) with their lines inline (`items`
 * jsonb, each line's computed net, tax and gross beside its input), their payments, and the
 * per-organization document sequences that number them. Totals are stored as the server
 * computed them (`numeric(19,4)`), so the JSON, the list, the export and the render read the
 * same figures. A number is unique per organization and kind; the sequence row is locked by
 * the sending transaction, so numbers are gap-free and never shared across tenants.
 */
export class Invoices1764000017000 implements MigrationInterface {
  name = 'Invoices1764000017000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE document_sequence (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('INVOICE', 'CREDIT_NOTE')),
        year integer NOT NULL CHECK (year BETWEEN 1900 AND 9999),
        last_number integer NOT NULL DEFAULT 0 CHECK (last_number >= 0),${COMMON},
        CONSTRAINT document_sequence_key UNIQUE (tenant_id, organization_id, kind, year),
        CONSTRAINT document_sequence_organization_fkey FOREIGN KEY (tenant_id, organization_id)
          REFERENCES organization (tenant_id, id)
      )`);

    const money = (name: string): string => `${name} numeric(19, 4) NOT NULL DEFAULT 0`;
    await q.query(`
      CREATE TABLE invoice (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        kind text NOT NULL DEFAULT 'INVOICE' CHECK (kind IN ('INVOICE', 'CREDIT_NOTE')),
        number text,
        status text NOT NULL DEFAULT 'DRAFT'
          CHECK (status IN ('DRAFT', 'SENT', 'PARTIALLY_PAID', 'PAID', 'VOID', 'ISSUED')),
        currency char(3) NOT NULL,
        contact_id uuid,
        customer_id uuid,
        owner_id uuid,
        credited_invoice_id uuid,
        issue_date date NOT NULL,
        due_date date,
        payment_terms_days integer CHECK (payment_terms_days IS NULL OR payment_terms_days BETWEEN 0 AND 3650),
        notes text,
        terms text,
        prices_include_tax boolean NOT NULL DEFAULT false,
        discount_kind text CHECK (discount_kind IN ('PERCENT', 'AMOUNT')),
        discount_value numeric(19, 4),
        items jsonb NOT NULL DEFAULT '[]',
        taxes jsonb NOT NULL DEFAULT '[]',
        ${money('subtotal')} CHECK (subtotal >= 0),
        ${money('discount_total')} CHECK (discount_total >= 0),
        ${money('net_total')} CHECK (net_total >= 0),
        ${money('tax_total')} CHECK (tax_total >= 0),
        ${money('total')} CHECK (total >= 0),
        ${money('amount_paid')} CHECK (amount_paid >= 0),
        ${money('amount_credited')} CHECK (amount_credited >= 0),
        ${money('amount_refunded')} CHECK (amount_refunded >= 0),
        ${money('balance')} CHECK (balance >= 0),
        sent_at timestamptz(3),
        sent_to text[],
        voided_at timestamptz(3),${COMMON},
        CONSTRAINT invoice_numbered_check CHECK ((status = 'DRAFT') = (number IS NULL)),
        CONSTRAINT invoice_balance_sum_check CHECK (balance = total - amount_paid - amount_credited),
        CONSTRAINT invoice_credit_note_check CHECK ((kind = 'CREDIT_NOTE') = (credited_invoice_id IS NOT NULL)),
        CONSTRAINT invoice_tenant_key UNIQUE (tenant_id, organization_id, id),
        CONSTRAINT invoice_organization_fkey FOREIGN KEY (tenant_id, organization_id) REFERENCES organization (tenant_id, id),
        CONSTRAINT invoice_contact_fkey FOREIGN KEY (tenant_id, organization_id, contact_id)
          REFERENCES contact (tenant_id, organization_id, id),
        CONSTRAINT invoice_customer_fkey FOREIGN KEY (tenant_id, organization_id, customer_id)
          REFERENCES customer (tenant_id, organization_id, id),
        CONSTRAINT invoice_owner_fkey FOREIGN KEY (tenant_id, owner_id) REFERENCES app_user (tenant_id, id),
        CONSTRAINT invoice_credited_fkey FOREIGN KEY (tenant_id, organization_id, credited_invoice_id)
          REFERENCES invoice (tenant_id, organization_id, id)
      )`);
    const live = 'WHERE deleted_at IS NULL';
    await q.query(
      `CREATE UNIQUE INDEX invoice_number_uq ON invoice (tenant_id, organization_id, kind, number) WHERE number IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX invoice_list_idx ON invoice (tenant_id, organization_id, created_at DESC, id DESC) ${live}`,
    );
    await q.query(
      `CREATE INDEX invoice_status_idx ON invoice (tenant_id, organization_id, status, created_at DESC, id DESC) ${live}`,
    );
    await q.query(`CREATE INDEX invoice_issue_date_idx ON invoice (tenant_id, organization_id, issue_date) ${live}`);
    await q.query(
      `CREATE INDEX invoice_contact_idx ON invoice (tenant_id, organization_id, contact_id) ${live} AND contact_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX invoice_customer_idx ON invoice (tenant_id, organization_id, customer_id) ${live} AND customer_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX invoice_credited_idx ON invoice (tenant_id, organization_id, credited_invoice_id) ${live} AND credited_invoice_id IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE invoice_payment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        invoice_id uuid NOT NULL,
        amount numeric(19, 4) NOT NULL CHECK (amount > 0),
        currency char(3) NOT NULL,
        paid_on date NOT NULL,
        method text NOT NULL,
        reference text,${COMMON},
        CONSTRAINT invoice_payment_invoice_fkey FOREIGN KEY (tenant_id, organization_id, invoice_id)
          REFERENCES invoice (tenant_id, organization_id, id)
      )`);
    await q.query(
      `CREATE INDEX invoice_payment_invoice_idx ON invoice_payment (tenant_id, organization_id, invoice_id, paid_on) ${live}`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS invoice_payment`);
    await q.query(`DROP TABLE IF EXISTS invoice`);
    await q.query(`DROP TABLE IF EXISTS document_sequence`);
  }
}
