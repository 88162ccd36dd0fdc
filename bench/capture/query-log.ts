export interface LoggedStatement {
  readonly sql: string;
  readonly parameters: unknown[];
}

const PARAMETERS = ' -- PARAMETERS: ';

/**
 * Statements from TypeORM's query log (`DATABASE_LOG_QUERIES=true`): `query: <sql>` lines,
 * the SQL possibly running over several lines, parameters after ` -- PARAMETERS: `. Pino's JSON
 * lines and anything else are skipped.
 */
export function parseQueryLog(output: string): LoggedStatement[] {
  const statements: string[] = [];
  let current: string | undefined;
  for (const line of output.split('\n')) {
    if (line.startsWith('query: ')) {
      if (current !== undefined) statements.push(current);
      current = line.slice('query: '.length);
    } else if (current !== undefined && !line.startsWith('{') && !line.startsWith('query failed:')) {
      current += `\n${line}`;
    } else if (current !== undefined) {
      statements.push(current);
      current = undefined;
    }
  }
  if (current !== undefined) statements.push(current);
  return statements.map((text) => {
    const at = text.lastIndexOf(PARAMETERS);
    if (at < 0) return { sql: text.trim(), parameters: [] };
    const parameters = parseParameters(text.slice(at + PARAMETERS.length));
    return { sql: text.slice(0, at).trim(), parameters };
  });
}

function parseParameters(json: string): unknown[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

/** Whitespace collapsed: how captured and copied SQL are compared. */
export function normalizeSql(sql: string): string {
  return sql.replace(/\s+/g, ' ').trim();
}
