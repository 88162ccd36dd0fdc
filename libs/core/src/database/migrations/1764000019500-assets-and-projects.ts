import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A customer's assets (workstations, servers, network gear, licences: serial number, RMM
 * device id, last seen, linked contact) and the organization's projects (status, optional
 * customer) with their contacts as a link table that carries the tenant and organization. Every
 * reference is a composite foreign key naming the tenant and the organization, so an asset or a
 * project cannot point at, or link, another tenant's or organization's customer or contact. A
 * serial number is unique per customer among live assets, case-insensitively (`asset_serial_uq`).
 */
export class AssetsAndProjects1764000019500 implements MigrationInterface {
  name = 'AssetsAndProjects1764000019500';

  async up(q: QueryRunner): Promise<void> {
    const live = 'WHERE deleted_at IS NULL';
    await q.query(`
      CREATE TABLE asset (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        contact_id uuid,
        name text NOT NULL,
        kind text NOT NULL DEFAULT 'OTHER'
          CHECK (kind IN ('WORKSTATION', 'SERVER', 'NETWORK', 'LICENCE', 'OTHER')),
        serial_number text,
        rmm_device_id text,
        last_seen_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        deleted_at timestamptz(3),
        created_by uuid,
        updated_by uuid,
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT asset_tenant_key UNIQUE (tenant_id, organization_id, id),
        CONSTRAINT asset_organization_fkey FOREIGN KEY (tenant_id, organization_id) REFERENCES organization (tenant_id, id),
        CONSTRAINT asset_customer_fkey FOREIGN KEY (tenant_id, organization_id, customer_id)
          REFERENCES customer (tenant_id, organization_id, id),
        CONSTRAINT asset_contact_fkey FOREIGN KEY (tenant_id, organization_id, contact_id)
          REFERENCES contact (tenant_id, organization_id, id)
      )`);
    await q.query(
      `CREATE INDEX asset_list_idx ON asset (tenant_id, organization_id, created_at DESC, id DESC) ${live}`,
    );
    await q.query(
      `CREATE INDEX asset_customer_idx ON asset (tenant_id, organization_id, customer_id, created_at DESC, id DESC) ${live}`,
    );
    await q.query(
      `CREATE INDEX asset_contact_idx ON asset (tenant_id, organization_id, contact_id) ${live} AND contact_id IS NOT NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX asset_serial_uq ON asset (tenant_id, organization_id, customer_id, lower(serial_number))
        ${live} AND serial_number IS NOT NULL`,
    );
    await q.query(`CREATE INDEX asset_name_trgm ON asset USING gin (lower(name) gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE project (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        customer_id uuid,
        name text NOT NULL,
        description text,
        status text NOT NULL DEFAULT 'PLANNED'
          CHECK (status IN ('PLANNED', 'ACTIVE', 'ON_HOLD', 'COMPLETED', 'CANCELLED')),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        deleted_at timestamptz(3),
        created_by uuid,
        updated_by uuid,
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT project_tenant_key UNIQUE (tenant_id, organization_id, id),
        CONSTRAINT project_organization_fkey FOREIGN KEY (tenant_id, organization_id) REFERENCES organization (tenant_id, id),
        CONSTRAINT project_customer_fkey FOREIGN KEY (tenant_id, organization_id, customer_id)
          REFERENCES customer (tenant_id, organization_id, id)
      )`);
    await q.query(
      `CREATE INDEX project_list_idx ON project (tenant_id, organization_id, created_at DESC, id DESC) ${live}`,
    );
    await q.query(
      `CREATE INDEX project_status_idx ON project (tenant_id, organization_id, status, created_at DESC, id DESC) ${live}`,
    );
    await q.query(
      `CREATE INDEX project_customer_idx ON project (tenant_id, organization_id, customer_id) ${live} AND customer_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX project_name_trgm ON project USING gin (lower(name) gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE project_contact (
        tenant_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        project_id uuid NOT NULL,
        contact_id uuid NOT NULL,
        PRIMARY KEY (tenant_id, organization_id, project_id, contact_id),
        CONSTRAINT project_contact_project_fkey FOREIGN KEY (tenant_id, organization_id, project_id)
          REFERENCES project (tenant_id, organization_id, id) ON DELETE CASCADE,
        CONSTRAINT project_contact_contact_fkey FOREIGN KEY (tenant_id, organization_id, contact_id)
          REFERENCES contact (tenant_id, organization_id, id) ON DELETE CASCADE
      )`);
    // A contact's projects: one probe from the contact side.
    await q.query(
      `CREATE INDEX project_contact_contact_idx ON project_contact (tenant_id, organization_id, contact_id, project_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS project_contact`);
    await q.query(`DROP TABLE IF EXISTS project`);
    await q.query(`DROP TABLE IF EXISTS asset`);
  }
}
