import { randomBytes } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import pg from 'pg';
import { dataSourceOptions, EmbeddedPostgres } from '@clientele/core';
import { embeddedSnapshotPath, TEST_DATABASE_URL, templateDatabaseName } from './test-environment';

/**
 * Runs once per `vitest run`: migrates a template (a PostgreSQL database, or a PGlite snapshot)
 * that every test file clones, so no file pays for migrations and none sees another's rows.
 */
export async function setup(): Promise<() => Promise<void>> {
  process.env.CLIENTELE_TEST_RUN = `${process.pid}_${randomBytes(3).toString('hex')}`;
  if (TEST_DATABASE_URL !== undefined) {
    const template = templateDatabaseName();
    await adminQuery(TEST_DATABASE_URL, `DROP DATABASE IF EXISTS ${template}`);
    await adminQuery(TEST_DATABASE_URL, `CREATE DATABASE ${template}`);
    await migrate(withDatabase(TEST_DATABASE_URL, template));
    return async () => {
      await dropRunDatabases(TEST_DATABASE_URL as string);
    };
  }
  const embedded = await EmbeddedPostgres.start({ maxConnections: 4 });
  try {
    await migrate(embedded.url);
    const snapshot = await embedded.dump();
    await writeFile(embeddedSnapshotPath(), Buffer.from(await snapshot.arrayBuffer()));
  } finally {
    await embedded.stop();
  }
  return async () => {
    await rm(embeddedSnapshotPath(), { force: true });
  };
}

async function migrate(url: string): Promise<void> {
  const dataSource = new DataSource({ ...dataSourceOptions({ url, poolSize: 2 }), entities: [] });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function adminQuery(url: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

async function dropRunDatabases(url: string): Promise<void> {
  const template = templateDatabaseName();
  const { rows } = await adminQuery(
    url,
    `SELECT datname FROM pg_database WHERE datname = '${template}' OR datname LIKE '${template.replace('_tpl_', '_f_')}%'`,
  );
  for (const row of rows as Array<{ datname: string }>) {
    await adminQuery(url, `DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
  }
}

export async function readSnapshot(): Promise<Blob> {
  return new Blob([await readFile(embeddedSnapshotPath())]);
}
