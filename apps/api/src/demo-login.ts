import 'reflect-metadata';
import { EmbeddedPostgres, loadConfig, withJwtSecret } from '@clientele/core';
import { createApp } from './create-app';
import { announceDemoLogin } from './demo/announce-demo-login';
import { resetDemoPassword, seedDemoTenant } from './demo/demo-seeder';

/**
 * `npm run demo:login`: sets a new password for the demo users and prints it (the first
 * start's password is not stored anywhere); seeds the demo tenant first when there is none.
 * Uses DATABASE_URL, or the embedded database — then with the API stopped, as only one
 * process may open its files.
 */
async function main(): Promise<void> {
  let config = loadConfig(process.env);
  let embedded: EmbeddedPostgres | undefined;
  if (config.database.url === undefined) {
    embedded = await EmbeddedPostgres.start({ dataDir: config.dataDir, maxConnections: config.database.poolSize + 4 });
    config = await withJwtSecret({ ...config, database: { ...config.database, url: embedded.url } });
  }
  const app = await createApp({ ...config, logLevel: 'warn' });
  try {
    const login = (await resetDemoPassword(app)) ?? (await seedDemoTenant(app));
    if (login !== null) announceDemoLogin(login);
  } finally {
    await app.close();
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
