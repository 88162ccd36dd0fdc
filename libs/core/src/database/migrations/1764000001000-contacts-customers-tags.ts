import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The CRM's heart: contacts (people and business contacts), customers (companies) and tags. */
export class ContactsCustomersTags1764000001000 implements MigrationInterface {
  name = 'ContactsCustomersTags1764000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE customer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant(id),
        organization_id uuid NOT NULL REFERENCES organization(id),
        name text NOT NULL,
        kind text NOT NULL DEFAULT 'CUSTOMER'
          CHECK (kind IN ('CUSTOMER', 'CLIENT', 'LEAD', 'VENDOR', 'PARTNER', 'CONTRACTOR', 'OTHER')),
        primary_domain text,
        logo_url text,
        notes text,
        owner_id uuid REFERENCES app_user(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        deleted_at timestamptz(3),
        created_by uuid,
        updated_by uuid,
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(
      `CREATE UNIQUE INDEX customer_name_uq ON customer (tenant_id, organization_id, lower(name)) WHERE deleted_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX customer_list_idx ON customer (tenant_id, organization_id, created_at DESC, id DESC) WHERE deleted_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX customer_search_trgm ON customer USING gin ((lower(name || ' ' || coalesce(primary_domain, ''))) gin_trgm_ops)`,
    );

    await q.query(`
      CREATE TABLE contact (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant(id),
        organization_id uuid NOT NULL REFERENCES organization(id),
        name text NOT NULL,
        first_name text,
        last_name text,
        primary_email text,
        primary_phone text,
        job_title text,
        contact_type text NOT NULL DEFAULT 'CUSTOMER'
          CHECK (contact_type IN ('CUSTOMER', 'CLIENT', 'LEAD', 'VENDOR', 'PARTNER', 'CONTRACTOR', 'OTHER')),
        status text,
        customer_id uuid REFERENCES customer(id),
        owner_id uuid REFERENCES app_user(id),
        image_url text,
        budget numeric(19, 4) CHECK (budget IS NULL OR budget >= 0),
        budget_type text CHECK (budget_type IN ('HOURS', 'COST')),
        notes text,
        marketing_opt_out boolean NOT NULL DEFAULT false,
        is_active boolean NOT NULL DEFAULT true,
        search_text text GENERATED ALWAYS AS (
          lower(name || ' ' || coalesce(primary_email, '') || ' ' || coalesce(primary_phone, ''))
        ) STORED,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        deleted_at timestamptz(3),
        created_by uuid,
        updated_by uuid,
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(
      `CREATE UNIQUE INDEX contact_email_uq ON contact (tenant_id, organization_id, lower(primary_email))
        WHERE deleted_at IS NULL AND primary_email IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX contact_list_idx ON contact (tenant_id, organization_id, created_at DESC, id DESC) WHERE deleted_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX contact_customer_idx ON contact (tenant_id, customer_id) WHERE deleted_at IS NULL AND customer_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX contact_owner_idx ON contact (tenant_id, organization_id, owner_id, created_at DESC, id DESC) WHERE deleted_at IS NULL`,
    );
    await q.query(`CREATE INDEX contact_search_trgm ON contact USING gin (search_text gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE contact_member (
        contact_id uuid NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id),
        PRIMARY KEY (contact_id, user_id)
      )`);

    await q.query(`
      CREATE TABLE tag (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant(id),
        organization_id uuid NOT NULL REFERENCES organization(id),
        name text NOT NULL,
        color text NOT NULL DEFAULT '#6B7280',
        description text,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        deleted_at timestamptz(3),
        created_by uuid,
        updated_by uuid,
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(
      `CREATE UNIQUE INDEX tag_name_uq ON tag (tenant_id, organization_id, lower(name)) WHERE deleted_at IS NULL`,
    );

    await q.query(`
      CREATE TABLE contact_tag (
        contact_id uuid NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
        tag_id uuid NOT NULL REFERENCES tag(id) ON DELETE CASCADE,
        PRIMARY KEY (contact_id, tag_id)
      )`);
    await q.query(`CREATE INDEX contact_tag_tag_idx ON contact_tag (tag_id, contact_id)`);
    await q.query(`
      CREATE TABLE customer_tag (
        customer_id uuid NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
        tag_id uuid NOT NULL REFERENCES tag(id) ON DELETE CASCADE,
        PRIMARY KEY (customer_id, tag_id)
      )`);
    await q.query(`CREATE INDEX customer_tag_tag_idx ON customer_tag (tag_id, customer_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['customer_tag', 'contact_tag', 'tag', 'contact_member', 'contact', 'customer']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
