import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tenancy, identity, audit and outbox: the tables every module stands on. */
export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    await q.query(`
      CREATE TABLE tenant (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE organization (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant(id),
        name text NOT NULL,
        crm_enabled boolean NOT NULL DEFAULT true,
        contact_statuses text[] NOT NULL DEFAULT '{Prospect,Active,Churned}',
        default_currency char(3) NOT NULL DEFAULT 'GBP',
        invoice_prefix text NOT NULL DEFAULT 'INV',
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        deleted_at timestamptz(3),
        created_by uuid,
        updated_by uuid,
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX organization_tenant_idx ON organization (tenant_id, id)`);
    await q.query(
      `CREATE UNIQUE INDEX organization_name_uq ON organization (tenant_id, lower(name)) WHERE deleted_at IS NULL`,
    );

    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant(id),
        email text NOT NULL,
        first_name text NOT NULL,
        last_name text NOT NULL,
        password_hash text NOT NULL,
        is_active boolean NOT NULL DEFAULT true,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        deleted_at timestamptz(3),
        created_by uuid,
        updated_by uuid,
        version integer NOT NULL DEFAULT 1
      )`);
    // Login names no tenant, so an e-mail identifies one user across the installation.
    await q.query(`CREATE UNIQUE INDEX app_user_email_uq ON app_user (lower(email)) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX app_user_tenant_idx ON app_user (tenant_id, id)`);

    await q.query(`
      CREATE TABLE role (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid REFERENCES tenant(id),
        name text NOT NULL,
        description text,
        grants text[] NOT NULL DEFAULT '{}',
        built_in boolean NOT NULL DEFAULT false,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK (built_in = (tenant_id IS NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX role_name_uq ON role (coalesce(tenant_id, '00000000-0000-0000-0000-000000000000'), upper(name))`,
    );

    await q.query(`
      CREATE TABLE membership (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant(id),
        organization_id uuid NOT NULL REFERENCES organization(id),
        user_id uuid NOT NULL REFERENCES app_user(id),
        role_id uuid NOT NULL REFERENCES role(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        deleted_at timestamptz(3),
        created_by uuid,
        updated_by uuid,
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(
      `CREATE UNIQUE INDEX membership_user_uq ON membership (tenant_id, organization_id, user_id) WHERE deleted_at IS NULL`,
    );
    await q.query(`CREATE INDEX membership_user_idx ON membership (user_id) WHERE deleted_at IS NULL`);

    await q.query(`
      CREATE TABLE auth_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant(id),
        user_id uuid NOT NULL REFERENCES app_user(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        last_used_at timestamptz(3) NOT NULL DEFAULT now(),
        expires_at timestamptz(3) NOT NULL,
        revoked_at timestamptz(3),
        revoked_reason text,
        user_agent text,
        ip text
      )`);
    await q.query(`CREATE INDEX auth_session_user_idx ON auth_session (tenant_id, user_id)`);

    await q.query(`
      CREATE TABLE refresh_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES auth_session(id) ON DELETE CASCADE,
        token_hash text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        retired_at timestamptz(3)
      )`);
    await q.query(`CREATE UNIQUE INDEX refresh_token_hash_uq ON refresh_token (token_hash)`);
    await q.query(`CREATE INDEX refresh_token_session_idx ON refresh_token (session_id)`);

    await q.query(`
      CREATE TABLE audit_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        organization_id uuid,
        actor_type text NOT NULL,
        actor_id uuid,
        action text NOT NULL,
        entity text NOT NULL,
        entity_id uuid,
        before jsonb,
        after jsonb,
        request_id text,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX audit_entry_tenant_idx ON audit_entry (tenant_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX audit_entry_entity_idx ON audit_entry (tenant_id, entity, entity_id)`);

    await q.query(`
      CREATE TABLE outbox_event (
        position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id uuid NOT NULL UNIQUE,
        tenant_id uuid NOT NULL,
        organization_id uuid,
        type text NOT NULL,
        entity text NOT NULL,
        entity_id uuid,
        payload jsonb NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        published_at timestamptz(3)
      )`);
    await q.query(`CREATE INDEX outbox_event_unpublished_idx ON outbox_event (position) WHERE published_at IS NULL`);
    await q.query(`CREATE INDEX outbox_event_tenant_idx ON outbox_event (tenant_id, position)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'outbox_event',
      'audit_entry',
      'refresh_token',
      'auth_session',
      'membership',
      'role',
      'app_user',
      'organization',
      'tenant',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
