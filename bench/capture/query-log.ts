export interface LoggedStatement {
  readonly sql: string;
  readonly parameters: unknown[];
}

interface QueryLine {
  readonly msg?: unknown;
  readonly context?: unknown;
  readonly query?: unknown;
  readonly parameters?: unknown;
}

/**
 * Statements from the API's query log (`DATABASE_LOG_QUERIES=true` with
 * `DATABASE_LOG_QUERY_PARAMETERS=true`, `LOG_LEVEL=debug`): the app logger's JSON lines of
 * context `Database` and message `query`, with `query` and `parameters`. Anything else is skipped.
 */
export function parseQueryLog(output: string): LoggedStatement[] {
  const statements: LoggedStatement[] = [];
  for (const line of output.split('\n')) {
    if (!line.startsWith('{') || !line.includes('"msg":"query"')) continue;
    let parsed: QueryLine;
    try {
      parsed = JSON.parse(line) as QueryLine;
    } catch {
      continue;
    }
    if (parsed.msg !== 'query' || parsed.context !== 'Database' || typeof parsed.query !== 'string') continue;
    statements.push({
      sql: parsed.query.trim(),
      parameters: Array.isArray(parsed.parameters) ? (parsed.parameters as unknown[]) : [],
    });
  }
  return statements;
}

/** Whitespace collapsed: how captured and copied SQL are compared. */
export function normalizeSql(sql: string): string {
  return sql.replace(/\s+/g, ' ').trim();
}
