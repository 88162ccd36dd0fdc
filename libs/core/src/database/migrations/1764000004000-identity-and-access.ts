import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 4: MFA, login lockout, tenant-defined roles (soft-deleted), service API keys, audit filters. */
export class IdentityAndAccess1764000004000 implements MigrationInterface {
  name = 'IdentityAndAccess1764000004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_mfa (
        user_id uuid PRIMARY KEY REFERENCES app_user(id),
        tenant_id uuid NOT NULL REFERENCES tenant(id),
        secret_encrypted text NOT NULL,
        enabled_at timestamptz(3),
        last_time_step bigint,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX user_mfa_tenant_idx ON user_mfa (tenant_id, user_id)`);

    await q.query(`
      CREATE TABLE mfa_recovery_code (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant(id),
        user_id uuid NOT NULL REFERENCES app_user(id),
        code_hash text NOT NULL,
        used_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX mfa_recovery_code_uq ON mfa_recovery_code (user_id, code_hash)`);

    // Keyed by a hash of the e-mail, not by tenant: unknown e-mails (no tenant) lock the same way.
    await q.query(`
      CREATE TABLE login_lockout (
        email_hash text PRIMARY KEY,
        failed_count integer NOT NULL,
        window_started_at timestamptz(3) NOT NULL,
        locked_until timestamptz(3)
      )`);

    // Roles in use by past (soft-deleted) memberships cannot be hard-deleted: roles are soft-deleted too.
    await q.query(`ALTER TABLE role ADD COLUMN deleted_at timestamptz(3)`);
    await q.query(`ALTER TABLE role ADD COLUMN created_by uuid`);
    await q.query(`ALTER TABLE role ADD COLUMN updated_by uuid`);
    await q.query(`DROP INDEX role_name_uq`);
    await q.query(
      `CREATE UNIQUE INDEX role_name_uq ON role (coalesce(tenant_id, '00000000-0000-0000-0000-000000000000'), upper(name))
        WHERE deleted_at IS NULL`,
    );
    await q.query(`CREATE INDEX role_tenant_idx ON role (tenant_id) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX membership_role_idx ON membership (tenant_id, role_id) WHERE deleted_at IS NULL`);

    await q.query(`
      CREATE TABLE api_key (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant(id),
        name text NOT NULL,
        prefix text NOT NULL,
        secret_hash text NOT NULL,
        grants text[] NOT NULL,
        organization_ids uuid[] NOT NULL,
        expires_at timestamptz(3),
        last_used_at timestamptz(3),
        revoked_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        deleted_at timestamptz(3),
        created_by uuid,
        updated_by uuid,
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE UNIQUE INDEX api_key_secret_hash_uq ON api_key (secret_hash)`);
    await q.query(
      `CREATE UNIQUE INDEX api_key_name_uq ON api_key (tenant_id, lower(name))
        WHERE revoked_at IS NULL AND deleted_at IS NULL`,
    );
    await q.query(`CREATE INDEX api_key_tenant_idx ON api_key (tenant_id, created_at DESC, id DESC)`);

    await q.query(`CREATE INDEX audit_entry_actor_idx ON audit_entry (tenant_id, actor_id, created_at DESC)`);
    await q.query(`CREATE INDEX audit_entry_action_idx ON audit_entry (tenant_id, action, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS audit_entry_action_idx`);
    await q.query(`DROP INDEX IF EXISTS audit_entry_actor_idx`);
    await q.query(`DROP TABLE IF EXISTS api_key`);
    await q.query(`DROP INDEX IF EXISTS membership_role_idx`);
    await q.query(`DROP INDEX IF EXISTS role_tenant_idx`);
    await q.query(`DELETE FROM role WHERE deleted_at IS NOT NULL`);
    await q.query(`DROP INDEX role_name_uq`);
    await q.query(
      `CREATE UNIQUE INDEX role_name_uq ON role (coalesce(tenant_id, '00000000-0000-0000-0000-000000000000'), upper(name))`,
    );
    await q.query(`ALTER TABLE role DROP COLUMN updated_by, DROP COLUMN created_by, DROP COLUMN deleted_at`);
    await q.query(`DROP TABLE IF EXISTS login_lockout`);
    await q.query(`DROP TABLE IF EXISTS mfa_recovery_code`);
    await q.query(`DROP TABLE IF EXISTS user_mfa`);
  }
}
