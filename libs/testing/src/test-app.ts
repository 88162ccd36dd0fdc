import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '@clientele/api';
import { type AppConfig, checkRememberedQueryTexts, loadConfig } from '@clientele/core';
import type { DestinationStream } from 'pino';
import supertest from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { createTestDatabase } from './test-database';

export const TEST_JWT_SECRET = 'test-secret-that-is-at-least-32-characters-long';

export interface TestApp {
  readonly app: NestFastifyApplication;
  readonly http: TestAgent;
  /** The app's own DataSource, for asserting on what was stored. */
  readonly db: DataSource;
  readonly config: AppConfig;
  close(): Promise<void>;
}

/**
 * The real app (Fastify, guards, pipes, filters, CQRS) on its own fresh database. Create one
 * per test file in `beforeAll`, close it in `afterAll`.
 */
export async function createTestApp(
  env: Record<string, string> = {},
  /** Where the app's log lines go; by default LOG_LEVEL is silent and nothing is written. */
  logDestination?: DestinationStream,
): Promise<TestApp> {
  const database = await createTestDatabase();
  // Every SQL text served from memory is compared with the one TypeORM builds afresh.
  checkRememberedQueryTexts();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    JWT_SECRET: TEST_JWT_SECRET,
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: '5',
    MIGRATIONS_RUN: 'false',
    // Every request of the suite comes from 127.0.0.1: rate limits are off unless a test asks.
    RATE_LIMIT_ENABLED: 'false',
    DATABASE_PREPARED_STATEMENTS: String(!database.embedded),
    // No background jobs unless a test asks: it runs them itself (`Scheduler.runOnce`) when it needs them.
    SCHEDULER_ENABLED: 'false',
    ...env,
  });
  const app = await createApp(config, logDestination);
  return {
    app,
    http: supertest(app.getHttpServer()),
    db: app.get(DataSource),
    config,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
