import 'reflect-metadata';
import { EmbeddedPostgres, loadConfig, withJwtSecret } from '@clientele/core';
import { createApp } from './create-app';
import { announceDemoLogin } from './demo/announce-demo-login';
import { DEMO_TENANT_NAME, seedDemoTenant } from './demo/demo-seeder';

/** `npm run seed:demo`: seeds the demo tenant into DATABASE_URL, or the embedded database. */
async function main(): Promise<void> {
  let config = loadConfig(process.env);
  let embedded: EmbeddedPostgres | undefined;
  if (config.database.url === undefined) {
    embedded = await EmbeddedPostgres.start({ dataDir: config.dataDir, maxConnections: config.database.poolSize + 4 });
    config = await withJwtSecret({ ...config, database: { ...config.database, url: embedded.url } });
  }
  const app = await createApp({ ...config, logLevel: 'warn' });
  try {
    const login = await seedDemoTenant(app);
    if (login === null) process.stdout.write(`The tenant "${DEMO_TENANT_NAME}" already exists; nothing to do.\n`);
    else announceDemoLogin(login);
  } finally {
    await app.close();
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
