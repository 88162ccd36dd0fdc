import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Support contracts and SLAs: a customer's contracts (name, start and end dates, an optional SLA
 * policy as JSON), the organization's default SLA policy (one live row per organization), and
 * on each ticket the due times of the policy that applied when it was opened. A contract's
 * customer is a composite foreign key naming the tenant and organization, so it cannot point
 * at another organization's customer; `contract_customer_idx` covers the customer list's
 * `contractStatus` (one index-only probe per row).
 */
export class ContractsAndSla1764000019000 implements MigrationInterface {
  name = 'ContractsAndSla1764000019000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE contract (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        name text NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL,
        sla_policy jsonb,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        deleted_at timestamptz(3),
        created_by uuid,
        updated_by uuid,
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT contract_range_check CHECK (end_date >= start_date),
        CONSTRAINT contract_organization_fkey FOREIGN KEY (tenant_id, organization_id) REFERENCES organization (tenant_id, id),
        CONSTRAINT contract_customer_fkey FOREIGN KEY (tenant_id, organization_id, customer_id)
          REFERENCES customer (tenant_id, organization_id, id)
      )`);
    const live = 'WHERE deleted_at IS NULL';
    await q.query(
      `CREATE INDEX contract_list_idx ON contract (tenant_id, organization_id, created_at DESC, id DESC) ${live}`,
    );
    await q.query(
      `CREATE INDEX contract_customer_idx ON contract (tenant_id, organization_id, customer_id, end_date, start_date) ${live}`,
    );
    await q.query(`CREATE INDEX contract_name_trgm ON contract USING gin (lower(name) gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE organization_sla_policy (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        policy jsonb NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        deleted_at timestamptz(3),
        created_by uuid,
        updated_by uuid,
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT organization_sla_policy_organization_fkey FOREIGN KEY (tenant_id, organization_id)
          REFERENCES organization (tenant_id, id)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX organization_sla_policy_uq ON organization_sla_policy (tenant_id, organization_id) ${live}`,
    );

    await q.query(`ALTER TABLE ticket ADD COLUMN first_response_due_at timestamptz(3)`);
    await q.query(`ALTER TABLE ticket ADD COLUMN resolution_due_at timestamptz(3)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ticket DROP COLUMN IF EXISTS resolution_due_at`);
    await q.query(`ALTER TABLE ticket DROP COLUMN IF EXISTS first_response_due_at`);
    await q.query(`DROP TABLE IF EXISTS organization_sla_policy`);
    await q.query(`DROP TABLE IF EXISTS contract`);
  }
}
