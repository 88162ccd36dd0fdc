import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A many-to-many table between an organization's record and what it links to. */
interface LinkTable {
  readonly table: string;
  /** The record the link hangs from: its tenant and organization are the link's. */
  readonly owner: { readonly column: string; readonly table: string };
  readonly target: {
    readonly column: string;
    readonly table: string;
    /** `organization`: the target belongs to the same organization; `tenant`: only to the tenant (users). */
    readonly scope: 'organization' | 'tenant';
    readonly onDelete: 'CASCADE' | 'NO ACTION';
  };
}

/** The link tables as they are today; ON DELETE as before this migration. */
const LINK_TABLES: readonly LinkTable[] = [
  {
    table: 'contact_tag',
    owner: { column: 'contact_id', table: 'contact' },
    target: { column: 'tag_id', table: 'tag', scope: 'organization', onDelete: 'CASCADE' },
  },
  {
    table: 'customer_tag',
    owner: { column: 'customer_id', table: 'customer' },
    target: { column: 'tag_id', table: 'tag', scope: 'organization', onDelete: 'CASCADE' },
  },
  {
    table: 'contact_member',
    owner: { column: 'contact_id', table: 'contact' },
    target: { column: 'user_id', table: 'app_user', scope: 'tenant', onDelete: 'NO ACTION' },
  },
];

/** Tables whose rows link tables point at, with the key a composite foreign key needs. */
const REFERENCED_KEYS: ReadonlyArray<{ readonly table: string; readonly columns: string }> = [
  { table: 'contact', columns: 'tenant_id, organization_id, id' },
  { table: 'customer', columns: 'tenant_id, organization_id, id' },
  { table: 'tag', columns: 'tenant_id, organization_id, id' },
  { table: 'app_user', columns: 'tenant_id, id' },
];

function targetKey({ target }: LinkTable): { columns: string; referenced: string } {
  return target.scope === 'organization'
    ? { columns: `tenant_id, organization_id, ${target.column}`, referenced: 'tenant_id, organization_id, id' }
    : { columns: `tenant_id, ${target.column}`, referenced: 'tenant_id, id' };
}

/**
 * Link tables carry `tenant_id` and `organization_id`, copied from the record the link hangs
 * from, and their foreign keys name them: `(tenant_id, organization_id, contact_id)` →
 * `contact(tenant_id, organization_id, id)`, `(tenant_id, organization_id, tag_id)` →
 * `tag(...)`, `(tenant_id, user_id)` → `app_user(tenant_id, id)`. A link between two tenants
 * (or, for tags, two organizations) cannot be stored whatever the application does. Keys lead
 * with the tenant and the organization, then the owner, so a record's links are one index probe.
 *
 * Rows that already break the rule (a tag of another organization, a user of another tenant)
 * could not have been made through the API, which checks both; they are deleted, not carried.
 */
export class LinkTablesCarryTenant1764000010000 implements MigrationInterface {
  name = 'LinkTablesCarryTenant1764000010000';

  async up(q: QueryRunner): Promise<void> {
    for (const { table, columns } of REFERENCED_KEYS) {
      await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_tenant_key UNIQUE (${columns})`);
    }
    // The unique key above is the same index.
    await q.query(`DROP INDEX app_user_tenant_idx`);

    for (const link of LINK_TABLES) {
      const { table, owner, target } = link;
      await q.query(`ALTER TABLE ${table} ADD COLUMN tenant_id uuid, ADD COLUMN organization_id uuid`);
      await q.query(`
        UPDATE ${table} link SET tenant_id = owner.tenant_id, organization_id = owner.organization_id
          FROM ${owner.table} owner WHERE owner.id = link.${owner.column}`);
      const mismatch =
        target.scope === 'organization'
          ? `(target.tenant_id, target.organization_id) IS DISTINCT FROM (link.tenant_id, link.organization_id)`
          : `target.tenant_id IS DISTINCT FROM link.tenant_id`;
      await q.query(`
        DELETE FROM ${table} link USING ${target.table} target
         WHERE target.id = link.${target.column} AND ${mismatch}`);
      await q.query(
        `ALTER TABLE ${table} ALTER COLUMN tenant_id SET NOT NULL, ALTER COLUMN organization_id SET NOT NULL`,
      );

      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_${owner.column}_fkey`);
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_${target.column}_fkey`);
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_pkey`);
      await q.query(`DROP INDEX IF EXISTS ${table}_tag_idx`);

      await q.query(
        `ALTER TABLE ${table} ADD PRIMARY KEY (tenant_id, organization_id, ${owner.column}, ${target.column})`,
      );
      await q.query(`
        ALTER TABLE ${table} ADD CONSTRAINT ${table}_${owner.table}_fkey
          FOREIGN KEY (tenant_id, organization_id, ${owner.column})
          REFERENCES ${owner.table} (tenant_id, organization_id, id) ON DELETE CASCADE`);
      const key = targetKey(link);
      await q.query(`
        ALTER TABLE ${table} ADD CONSTRAINT ${table}_${target.table}_fkey
          FOREIGN KEY (${key.columns}) REFERENCES ${target.table} (${key.referenced}) ON DELETE ${target.onDelete}`);
      // The target's side: its links by target (a tag's records), and the foreign key's lookups.
      await q.query(`CREATE INDEX ${table}_${target.column}_idx ON ${table} (${key.columns}, ${owner.column})`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const link of [...LINK_TABLES].reverse()) {
      const { table, owner, target } = link;
      await q.query(`DROP INDEX IF EXISTS ${table}_${target.column}_idx`);
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_${target.table}_fkey`);
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_${owner.table}_fkey`);
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_pkey`);
      await q.query(`ALTER TABLE ${table} DROP COLUMN tenant_id, DROP COLUMN organization_id`);
      await q.query(`ALTER TABLE ${table} ADD PRIMARY KEY (${owner.column}, ${target.column})`);
      await q.query(`
        ALTER TABLE ${table} ADD CONSTRAINT ${table}_${owner.column}_fkey
          FOREIGN KEY (${owner.column}) REFERENCES ${owner.table} (id) ON DELETE CASCADE`);
      await q.query(`
        ALTER TABLE ${table} ADD CONSTRAINT ${table}_${target.column}_fkey
          FOREIGN KEY (${target.column}) REFERENCES ${target.table} (id) ON DELETE ${target.onDelete}`);
      if (target.table === 'tag') {
        await q.query(`CREATE INDEX ${table}_tag_idx ON ${table} (${target.column}, ${owner.column})`);
      }
    }
    await q.query(`CREATE INDEX app_user_tenant_idx ON app_user (tenant_id, id)`);
    for (const { table } of [...REFERENCED_KEYS].reverse()) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_tenant_key`);
    }
  }
}
