import { randomBytes } from 'node:crypto';
import { EmbeddedPostgres } from '@clientele/core';
import { adminQuery, readSnapshot, withDatabase } from './global-setup';
import { TEST_DATABASE_URL, templateDatabaseName } from './test-environment';

export interface TestDatabase {
  readonly url: string;
  /** The embedded database, whose pooled connections share one backend session. */
  readonly embedded: boolean;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (TEST_DATABASE_URL !== undefined) {
    const adminUrl = TEST_DATABASE_URL;
    const template = templateDatabaseName();
    const name = `${template.replace('_tpl_', '_f_')}_${randomBytes(4).toString('hex')}`;
    await cloneTemplate(adminUrl, name, template);
    return {
      url: withDatabase(adminUrl, name),
      embedded: false,
      drop: async () => {
        await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    };
  }
  const embedded = await EmbeddedPostgres.start({ maxConnections: 16, loadDataDir: await readSnapshot() });
  return { url: embedded.url, embedded: true, drop: () => embedded.stop() };
}

/** Another file cloning the template at the same moment makes PostgreSQL refuse; retry briefly. */
async function cloneTemplate(adminUrl: string, name: string, template: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await adminQuery(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}
