import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, EmbeddedPostgres, loadConfig, withJwtSecret } from '@clientele/core';
import { createApp } from './create-app';
import { seedDemoDataIfEmpty } from './demo/seed-demo-if-empty';

async function bootstrap(): Promise<void> {
  let config = loadConfig(process.env);
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
  if (embedded !== undefined && config.seedDemoData) {
    await seedDemoDataIfEmpty(app);
  }
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
  const address = (await app.getUrl()).replace('[::1]', 'localhost').replace('0.0.0.0', 'localhost');
  logger.log(
    `Clientele listening on ${address} — Swagger UI ${address}/api/docs (${embedded === undefined ? 'PostgreSQL' : `embedded database in ${config.dataDir}`})`,
  );
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
