import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Automated monthly bills: a customer's billing settings (recurring lines, day of month,
 * currency, contact to bill, time zone), and the period an invoice was generated for. The
 * unique index on `(tenant, organization, customer, billing_period)` makes the monthly run
 * idempotent at the database: twice, or from two processes at once, one invoice per customer
 * and period.
 */
export class BillingSettings1764000017100 implements MigrationInterface {
  name = 'BillingSettings1764000017100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE billing_settings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        contact_id uuid,
        currency char(3) NOT NULL,
        day_of_month smallint NOT NULL CHECK (day_of_month BETWEEN 1 AND 28),
        time_zone text NOT NULL DEFAULT 'UTC',
        payment_terms_days integer CHECK (payment_terms_days IS NULL OR payment_terms_days BETWEEN 0 AND 3650),
        lines jsonb NOT NULL DEFAULT '[]',
        monthly_total numeric(19, 4) NOT NULL DEFAULT 0 CHECK (monthly_total >= 0),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        deleted_at timestamptz(3),
        created_by uuid,
        updated_by uuid,
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT billing_settings_customer_key UNIQUE (tenant_id, organization_id, customer_id),
        CONSTRAINT billing_settings_customer_fkey FOREIGN KEY (tenant_id, organization_id, customer_id)
          REFERENCES customer (tenant_id, organization_id, id),
        CONSTRAINT billing_settings_contact_fkey FOREIGN KEY (tenant_id, organization_id, contact_id)
          REFERENCES contact (tenant_id, organization_id, id)
      )`);
    await q.query(
      `CREATE INDEX billing_settings_active_idx ON billing_settings (tenant_id, organization_id) WHERE active AND deleted_at IS NULL`,
    );
    await q.query(`ALTER TABLE invoice ADD COLUMN billing_period char(7) CHECK (billing_period ~ '^\\d{4}-\\d{2}$')`);
    await q.query(
      `CREATE UNIQUE INDEX invoice_billing_period_uq ON invoice (tenant_id, organization_id, customer_id, billing_period)
        WHERE billing_period IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS invoice_billing_period_uq`);
    await q.query(`ALTER TABLE invoice DROP COLUMN IF EXISTS billing_period`);
    await q.query(`DROP TABLE IF EXISTS billing_settings`);
  }
}
