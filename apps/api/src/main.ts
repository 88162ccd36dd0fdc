import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, EmbeddedPostgres, loadConfig, withJwtSecret } from '@clientele/core';
import { createApp } from './create-app';
import { announceDemoLogin, announceDemoLoginHint } from './demo/announce-demo-login';
import { seedDemoDataIfEmpty } from './demo/seed-demo-if-empty';
import { listeningAddress } from './listening-address';

async function bootstrap(): Promise<void> {
  let config = loadConfig(process.env, process.stdout);
  let embedded: EmbeddedPostgres | undefined;
  if (config.database.url === undefined) {
    embedded = await EmbeddedPostgres.start({
      dataDir: config.dataDir,
      maxConnections: config.database.poolSize + 4,
    });
    // Its pooled connections share one backend session: no names to prepare statements under.
    config = { ...config, database: { ...config.database, url: embedded.url, preparedStatements: false } };
    config = await withJwtSecret(config);
  }
  const app = await createApp(config);
  const demo = embedded !== undefined && config.seedDemoData ? await seedDemoDataIfEmpty(app) : null;
  // Graceful shutdown: stop accepting, finish in-flight requests, close the pool, then stop
  // the embedded database so its files are left clean.
  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received, shutting down`);
    await app.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  await app.listen({ port: config.port, host: config.host });
  const { bound, url } = listeningAddress(app.getHttpServer().address(), config.host);
  logger.log(
    `Clientele listening on ${bound} — API ${url}/api, Swagger UI ${url}/api/docs ` +
      `(${embedded === undefined ? 'PostgreSQL' : `embedded database in ${config.dataDir}`})`,
  );
  // The demo login comes last, so it is what a first start leaves on the screen.
  if (demo === 'existing') announceDemoLoginHint(`${url}/api/docs`);
  else if (demo !== null) announceDemoLogin(demo, `${url}/api/docs`);
}

const logger = new Logger('Clientele');

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `Clientele failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
