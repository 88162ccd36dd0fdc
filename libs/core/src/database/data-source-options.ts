import type { DataSourceOptions } from 'typeorm';
import { DatabaseLogger } from './database-logger';
import { MIGRATIONS } from './migrations';
import { GuardedClient } from './guarded-client';
import { PreparingClient } from './prepared-statements';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { CONNECTION_TYPES } from './timestamptz';

export interface ConnectionSettings {
  readonly url: string;
  readonly poolSize: number;
  readonly logQueries?: boolean;
  /** With `logQueries`: their parameters too (user data: never in production). */
  readonly logQueryParameters?: boolean;
  /** Prepare repeated statements (real PostgreSQL only; see `PreparingClient`). */
  readonly preparedStatements?: boolean;
}

/** TypeORM options shared by the app, the migration CLI (`ormconfig.ts`) and the tests. */
export function dataSourceOptions(settings: ConnectionSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    namingStrategy: new SnakeNamingStrategy(),
    migrations: MIGRATIONS,
    migrationsTableName: 'migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: settings.logQueries === true ? ['query', 'error'] : ['error'],
    logger: new DatabaseLogger(settings.logQueries === true, settings.logQueryParameters === true),
    extra: {
      max: settings.poolSize,
      // Fail fast instead of queueing forever when the pool is exhausted.
      connectionTimeoutMillis: 10_000,
      application_name: 'clientele',
      types: CONNECTION_TYPES,
      Client: settings.preparedStatements === true ? PreparingClient : GuardedClient,
    },
  };
}
