import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Client } from 'pg';
import type { DataSourceOptions, MigrationInterface } from 'typeorm';
import type { RoleName } from './generate/dataset-plan';
import type { StageTemplate } from './generate/sales-row-generator';
import { builtFile } from './repo-paths';

interface DataSourceOptionsModule {
  dataSourceOptions: (settings: { url: string; poolSize: number; logQueries?: boolean }) => DataSourceOptions;
}
interface MigrationsModule {
  MIGRATIONS: Array<new () => MigrationInterface>;
}
interface BuiltInRolesModule {
  BUILT_IN_ROLES: Readonly<Record<RoleName, readonly string[]>>;
  BUILT_IN_ROLE_IDS: Readonly<Record<RoleName, string>>;
}
interface PasswordHasherModule {
  PasswordHasher: new () => { hash(password: string): Promise<string> };
}
interface DefaultPipelineModule {
  DEFAULT_PIPELINE_NAME: string;
  DEFAULT_PIPELINE_STAGES: readonly StageTemplate[];
}
interface KeysetCursorModule {
  encodeCursor: (position: { sort: string; value: string | number; id: string }) => string;
}

/**
 * The bench reuses the app's own build (never a copy of it): its migrations, TypeORM options,
 * built-in roles, password hashing and cursor format, so the data and cursors it makes are
 * exactly what the API expects.
 */
export interface BuiltCore {
  readonly dataSourceOptions: DataSourceOptionsModule['dataSourceOptions'];
  readonly migrations: MigrationsModule['MIGRATIONS'];
  readonly builtInRoles: BuiltInRolesModule['BUILT_IN_ROLES'];
  readonly builtInRoleIds: BuiltInRolesModule['BUILT_IN_ROLE_IDS'];
  readonly hashPassword: (password: string) => Promise<string>;
  readonly encodeCursor: KeysetCursorModule['encodeCursor'];
  /** The pipeline every organization is created with. */
  readonly defaultPipeline: { readonly name: string; readonly stages: readonly StageTemplate[] };
}

export async function loadBuiltCore(): Promise<BuiltCore> {
  const options = await load<DataSourceOptionsModule>('libs/core/src/database/data-source-options.js');
  const migrations = await load<MigrationsModule>('libs/core/src/database/migrations/index.js');
  const roles = await load<BuiltInRolesModule>('libs/core/src/permissions/built-in-roles.js');
  const passwords = await load<PasswordHasherModule>('libs/core/src/auth/password-hasher.js');
  const cursors = await load<KeysetCursorModule>('libs/core/src/pagination/keyset-cursor.js');
  const pipelines = await load<DefaultPipelineModule>('libs/crm/src/pipelines/default-pipeline.js');
  const hasher = new passwords.PasswordHasher();
  return {
    dataSourceOptions: options.dataSourceOptions,
    migrations: migrations.MIGRATIONS,
    builtInRoles: roles.BUILT_IN_ROLES,
    builtInRoleIds: roles.BUILT_IN_ROLE_IDS,
    hashPassword: (password) => hasher.hash(password),
    encodeCursor: cursors.encodeCursor,
    defaultPipeline: { name: pipelines.DEFAULT_PIPELINE_NAME, stages: pipelines.DEFAULT_PIPELINE_STAGES },
  };
}

async function load<T>(relative: string): Promise<T> {
  const file = builtFile(relative);
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: run \`npm run build\` before \`npm run bench\``);
  }
  return (await import(pathToFileURL(file).href)) as T;
}

interface PreparedStatementsModule {
  PreparingClient: typeof Client;
}

/** The app's pool client, which prepares the statements a connection repeats (`PreparingClient`). */
export async function loadPreparingClient(): Promise<typeof Client> {
  return (await load<PreparedStatementsModule>('libs/core/src/database/prepared-statements.js')).PreparingClient;
}

export interface EmbeddedDatabase {
  readonly url: string;
  stop(): Promise<void>;
}

interface EmbeddedPostgresModule {
  EmbeddedPostgres: { start(options: { dataDir?: string; maxConnections: number }): Promise<EmbeddedDatabase> };
}

/** The app's embedded PostgreSQL (PGlite over a socket), loaded only when the embedded scenario runs. */
export async function startEmbeddedDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  const module = await load<EmbeddedPostgresModule>('libs/core/src/database/embedded-postgres.js');
  return module.EmbeddedPostgres.start({ dataDir, maxConnections: 8 });
}
