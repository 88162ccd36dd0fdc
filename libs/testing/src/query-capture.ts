import type { DataSource } from 'typeorm';

export interface QueryCapture {
  /** The SQL the app sent through TypeORM since the capture began, in order. */
  readonly statements: readonly string[];
  stop(): void;
}

/** Records every statement the app's DataSource runs until `stop()`: for tests about round trips. */
export function captureQueries(db: DataSource): QueryCapture {
  const statements: string[] = [];
  const logger = db.logger;
  const logQuery = logger.logQuery.bind(logger);
  logger.logQuery = (query, parameters, queryRunner) => {
    statements.push(query);
    logQuery(query, parameters, queryRunner);
  };
  return {
    statements,
    stop: () => {
      logger.logQuery = logQuery;
    },
  };
}
