import { Client, Pool, type PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import type { BuiltCore } from '../built-core';
import { CopySink } from './copy-sink';
import { CONTACT_COLUMNS, CrmRowGenerator, CUSTOMER_COLUMNS, LINK_COLUMNS, TAG_COLUMNS } from './crm-row-generator';
import { type DatasetManifest, GENERATOR_VERSION, readManifest, writeManifest } from './dataset-manifest';
import { type DatasetPlan, planDataset, type RoleName } from './dataset-plan';
import { InsertSink } from './insert-sink';
import type { RowSink } from './row-sink';
import {
  ACTIVITY_COLUMNS,
  ACTIVITY_CONTACT_COLUMNS,
  DEAL_COLUMNS,
  DEAL_TAG_COLUMNS,
  NOTE_COLUMNS,
  PIPELINE_COLUMNS,
  SalesRowGenerator,
  type SalesSinks,
  STAGE_COLUMNS,
} from './sales-row-generator';
import {
  INVOICE_COLUMNS,
  INVOICE_PAYMENT_COLUMNS,
  ServiceRowGenerator,
  type ServiceSinks,
  TICKET_COLUMNS,
  TICKET_CONTACT_COLUMNS,
} from './service-row-generator';

export const BENCH_PASSWORD = 'bench-password-123';

/** Tables bulk-loaded here whose secondary indexes are dropped during the load and rebuilt after. */
const BULK_TABLES = [
  'contact',
  'customer',
  'tag',
  'contact_tag',
  'customer_tag',
  'contact_member',
  'pipeline',
  'pipeline_stage',
  'deal',
  'deal_tag',
  'activity',
  'activity_contact',
  'note',
  'ticket',
  'ticket_contact',
  'invoice',
  'invoice_payment',
  'contract',
];

export interface GenerateOptions {
  readonly url: string;
  readonly contacts: number;
  readonly seed: number;
  /** `copy` for real PostgreSQL; `insert` where COPY FROM STDIN is not served (PGlite's socket). */
  readonly bulk: 'copy' | 'insert';
  /** Real PostgreSQL only: drop and create the database first. */
  readonly recreateDatabase: boolean;
  readonly log: (message: string) => void;
}

/** The manifest of the database at `url` if it holds this very data set (same generator, size, seed). */
export async function existingDataset(url: string, contacts: number, seed: number): Promise<DatasetManifest | null> {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
  } catch {
    return null;
  }
  try {
    const manifest = await readManifest(client);
    if (manifest === null) return null;
    const same =
      manifest.generatorVersion === GENERATOR_VERSION && manifest.contacts === contacts && manifest.seed === seed;
    return same ? manifest : null;
  } finally {
    await client.end();
  }
}

/** Runs the app's migrations (from its build) against `url`; pending ones only. */
export async function migrate(core: BuiltCore, url: string): Promise<string[]> {
  const dataSource = new DataSource({ ...core.dataSourceOptions({ url, poolSize: 2 }), migrations: core.migrations });
  await dataSource.initialize();
  try {
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    return ran.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Creates (or recreates) the bench database, migrates it with the app's migrations, bulk-loads
 * a deterministic data set with secondary indexes dropped, rebuilds them, VACUUM ANALYZEs and
 * records the manifest.
 */
export async function generateDataset(core: BuiltCore, options: GenerateOptions): Promise<DatasetManifest> {
  const started = Date.now();
  if (options.recreateDatabase) await recreateDatabase(options.url);
  await migrate(core, options.url);
  const plan = planDataset(options.contacts, options.seed);
  const passwordHash = await core.hashPassword(BENCH_PASSWORD);
  // The control connection and up to twelve COPY streams at once (contacts with their links,
  // sales, service-desk and billing rows).
  const pool = new Pool({ connectionString: options.url, max: 13 });
  const client = await pool.connect();
  // With COPY each sink streams on a connection of its own (one connection carries one COPY
  // at a time, and contacts are written alongside their tag and member links). INSERT sinks
  // share one connection: the embedded database serves one session, and a second connection
  // waits for the first to finish.
  const sink = async (table: string, columns: readonly string[]): Promise<RowSink> => {
    if (options.bulk === 'insert') return new InsertSink(client, table, columns);
    const connection = await pool.connect();
    await connection.query(`SET session_replication_role = replica`);
    await connection.query(`SET synchronous_commit = off`);
    return CopySink.open(connection, table, columns);
  };
  try {
    // Foreign keys are checked by triggers; the generator writes consistent rows (though link
    // rows may reach the server before the rows they point to), so skip them while loading.
    await client.query(`SET session_replication_role = replica`);
    const indexes = await dropSecondaryIndexes(client);
    await loadIdentity(client, core, plan, passwordHash, sink);
    const generator = new CrmRowGenerator(plan);
    // The default pipeline the app gives every organization (migration 1764000014000 gave it to
    // those that existed; these are loaded after it), with the app's own stage templates.
    const sales = new SalesRowGenerator(plan, core.defaultPipeline.name, core.defaultPipeline.stages);
    options.log(
      `generating ${plan.contacts.toLocaleString('en')} contacts, ${plan.customers.toLocaleString('en')} customers, their deals and activities`,
    );
    await finish(sales.writePipelines.bind(sales), [
      await sink('pipeline', PIPELINE_COLUMNS),
      await sink('pipeline_stage', STAGE_COLUMNS),
    ]);
    await finish(generator.writeTags.bind(generator), [await sink('tag', TAG_COLUMNS)]);
    await finish(generator.writeCustomers.bind(generator), [
      await sink('customer', CUSTOMER_COLUMNS),
      await sink('customer_tag', LINK_COLUMNS.customer_tag),
    ]);
    const salesSinks: SalesSinks = {
      deals: await sink('deal', DEAL_COLUMNS),
      dealTags: await sink('deal_tag', DEAL_TAG_COLUMNS),
      activities: await sink('activity', ACTIVITY_COLUMNS),
      activityContacts: await sink('activity_contact', ACTIVITY_CONTACT_COLUMNS),
      notes: await sink('note', NOTE_COLUMNS),
    };
    const service = new ServiceRowGenerator(plan);
    const serviceSinks: ServiceSinks = {
      tickets: await sink('ticket', TICKET_COLUMNS),
      ticketContacts: await sink('ticket_contact', TICKET_CONTACT_COLUMNS),
      invoices: await sink('invoice', INVOICE_COLUMNS),
      invoicePayments: await sink('invoice_payment', INVOICE_PAYMENT_COLUMNS),
    };
    const contactSinks = [
      await sink('contact', CONTACT_COLUMNS),
      await sink('contact_tag', LINK_COLUMNS.contact_tag),
      await sink('contact_member', LINK_COLUMNS.contact_member),
    ] as const;
    await finish(
      (contacts, contactTags, contactMembers) =>
        generator.writeContacts(contacts, contactTags, contactMembers, async (contact) => {
          await sales.writeFor(contact, salesSinks);
          await service.writeFor(contact, serviceSinks);
        }),
      [...contactSinks],
    );
    for (const rowSink of [...Object.values(salesSinks), ...Object.values(serviceSinks)]) await rowSink.end();
    await service.writeContracts(client);
    options.log(`loaded in ${seconds(started)} s; rebuilding ${indexes.length} indexes`);
    await rebuildIndexes(client, indexes, options.bulk === 'copy' ? '1GB' : '64MB');
    await client.query(`RESET session_replication_role`);
    // Counters the app keeps with triggers (disabled above) are recomputed from the rows, if the schema has them.
    for (const refresh of ['refresh_record_counts()', 'refresh_facet_counts()']) {
      const counters = await client.query<{ present: boolean }>(`SELECT to_regprocedure($1) IS NOT NULL AS present`, [
        refresh,
      ]);
      if (counters.rows[0]?.present === true) await client.query(`SELECT ${refresh}`);
    }
    options.log(`indexes rebuilt at ${seconds(started)} s; VACUUM ANALYZE`);
    await client.query(`VACUUM (ANALYZE) ${BULK_TABLES.join(', ')}, tenant, organization, app_user, membership, role`);
    const manifest = manifestOf(plan, generator, sales, service, started);
    await writeManifest(client, manifest);
    options.log(`data set ready in ${manifest.loadSeconds} s`);
    return manifest;
  } finally {
    client.release();
    await pool.end();
  }
}

async function finish(write: (...sinks: RowSink[]) => Promise<void>, sinks: RowSink[]): Promise<void> {
  await write(...sinks);
  for (const sink of sinks) await sink.end();
}

async function loadIdentity(
  client: PoolClient,
  core: BuiltCore,
  plan: DatasetPlan,
  passwordHash: string,
  sink: (table: string, columns: readonly string[]) => Promise<RowSink>,
): Promise<void> {
  // The same rows the app's BuiltInRolesSync upserts at boot, so memberships can reference them now.
  for (const [name, grants] of Object.entries(core.builtInRoles) as Array<[RoleName, readonly string[]]>) {
    await client.query(
      `INSERT INTO role (id, tenant_id, name, description, grants, built_in) VALUES ($1, NULL, $2, $3, $4, true)
       ON CONFLICT (id) DO UPDATE SET grants = EXCLUDED.grants`,
      [core.builtInRoleIds[name], name, `Built-in ${name.toLowerCase()} role`, grants],
    );
  }
  const tenants = await sink('tenant', ['id', 'name']);
  for (const tenant of plan.tenants) await tenants.write([tenant.id, tenant.name]);
  await tenants.end();
  const organizations = await sink('organization', ['id', 'tenant_id', 'name']);
  for (const tenant of plan.tenants) {
    for (const org of tenant.organizations) await organizations.write([org.id, tenant.id, org.name]);
  }
  await organizations.end();
  const users = await sink('app_user', ['id', 'tenant_id', 'email', 'first_name', 'last_name', 'password_hash']);
  for (const tenant of plan.tenants) {
    for (const user of tenant.users) {
      await users.write([user.id, tenant.id, user.email, user.firstName, user.lastName, passwordHash]);
    }
  }
  await users.end();
  const memberships = await sink('membership', ['id', 'tenant_id', 'organization_id', 'user_id', 'role_id']);
  let n = 0;
  for (const tenant of plan.tenants) {
    for (const user of tenant.users) {
      for (const membership of user.memberships) {
        n++;
        // Membership ids need not be random-looking; a stable derivation keeps the plan's PRNG untouched.
        const id = `00000000-0000-4000-a000-${n.toString(16).padStart(12, '0')}`;
        await memberships.write([
          id,
          tenant.id,
          membership.organizationId,
          user.id,
          core.builtInRoleIds[membership.role],
        ]);
      }
    }
  }
  await memberships.end();
}

interface IndexDefinition {
  readonly name: string;
  readonly definition: string;
}

async function dropSecondaryIndexes(client: PoolClient): Promise<IndexDefinition[]> {
  const result = await client.query<IndexDefinition>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i
       JOIN pg_class t ON t.oid = i.indrelid
      WHERE t.relname = ANY($1) AND t.relnamespace = 'public'::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [BULK_TABLES],
  );
  for (const index of result.rows) await client.query(`DROP INDEX ${index.name}`);
  return result.rows;
}

async function rebuildIndexes(client: PoolClient, indexes: IndexDefinition[], memory: string): Promise<void> {
  await client.query(`SET maintenance_work_mem = '${memory}'`);
  for (const index of indexes) await client.query(index.definition);
  await client.query(`RESET maintenance_work_mem`);
}

async function recreateDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`bench database name "${name}" must be [A-Za-z0-9_]+`);
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}

function manifestOf(
  plan: DatasetPlan,
  generator: CrmRowGenerator,
  sales: SalesRowGenerator,
  service: ServiceRowGenerator,
  started: number,
): DatasetManifest {
  const big = plan.tenants[0];
  const bigOrg = big?.organizations[0];
  if (big === undefined || bigOrg === undefined) throw new Error('the plan has no tenant');
  const agent = big.users.find((user) =>
    user.memberships.some((m) => m.organizationId === bigOrg.id && m.role === 'AGENT'),
  );
  return {
    generatorVersion: GENERATOR_VERSION,
    seed: plan.seed,
    contacts: plan.contacts,
    customers: plan.customers,
    password: BENCH_PASSWORD,
    bigTenant: {
      id: big.id,
      name: big.name,
      adminEmail: big.admin.email,
      contacts: big.organizations.reduce((sum, org) => sum + org.contacts, 0),
    },
    bigOrganization: {
      id: bigOrg.id,
      name: bigOrg.name,
      contacts: bigOrg.contacts,
      ownerIds: bigOrg.ownerIds,
      agentEmail: agent?.email ?? big.admin.email,
      pipelineId: sales.pipelineOf(bigOrg.id)?.pipelineId ?? '',
    },
    counts: { ...generator.counts, ...sales.counts, ...service.counts },
    loadSeconds: Number(seconds(started)),
    loadedAt: new Date().toISOString(),
  };
}

function seconds(since: number): string {
  return ((Date.now() - since) / 1000).toFixed(1);
}
