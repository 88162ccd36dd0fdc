import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * SQLSTATE classes the app expects and answers itself: integrity violations (23…: a taken
 * e-mail is a 409, a missing reference a 404) and transaction rollbacks (40…: deadlocks and
 * serialization failures are retried or answered 409).
 */
const EXPECTED_CLASSES = ['23', '40'];

function sqlState(error: string | Error): string | undefined {
  const code = typeof error === 'string' ? undefined : (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * TypeORM's log lines through the app's logger (pino: JSON, or pretty on a terminal) rather
 * than TypeORM's own console output. A failed query the app answers (a 409 for a duplicate
 * key) is a debug line, not an error block; any other failure stays an error. Parameters are
 * not logged unless asked for on their own (`DATABASE_LOG_QUERY_PARAMETERS`, for the bench's
 * SQL capture and EXPLAIN only): they carry user data and password hashes.
 */
export class DatabaseLogger implements TypeOrmLogger {
  private readonly logger = new NestLogger('Database');

  constructor(
    private readonly logQueries = false,
    private readonly logParameters = false,
  ) {}

  logQuery(query: string, parameters?: unknown[]): void {
    if (!this.logQueries) return;
    this.logger.debug(this.logParameters ? { query, parameters: parameters ?? [] } : { query }, 'query');
  }

  logQueryError(error: string | Error, query: string): void {
    const code = sqlState(error);
    const message = typeof error === 'string' ? error : error.message;
    if (code !== undefined && EXPECTED_CLASSES.includes(code.slice(0, 2))) {
      this.logger.debug({ code, query }, `query refused (answered by the app): ${message}`);
    } else {
      this.logger.error({ code, query }, `query failed: ${message}`);
    }
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ time, query }, 'slow query');
  }

  /** Schema and migration steps are not logged: the migration CLI reports its own. */
  logSchemaBuild(): void {
    // Nothing: see above.
  }

  logMigration(): void {
    // Nothing: see above.
  }

  /**
   * TypeORM's own notes (e.g. that the embedded database cannot install uuid-ossp, which the
   * schema does not need) were never shown, its `logging` option being errors only; they still are not.
   */
  log(): void {
    // Nothing: see above.
  }
}
