import type { LoadRequest } from '../load/load-run';
import type { ServerProcess } from '../targets/server-process';
import { API_SQL } from '../floors/api-sql';
import { type LoggedStatement, normalizeSql, parseQueryLog } from './query-log';

export interface CapturedScenario {
  readonly scenario: string;
  readonly status: number;
  readonly statements: readonly LoggedStatement[];
  /** `in sync`, `not captured yet`, or what differs from `floors/api-sql.ts`. */
  readonly drift: string;
}

const HEALTH_PROBE = 'SELECT 1';

/**
 * Sends each scenario's request to an API started with `DATABASE_LOG_QUERIES=true` (twice: the
 * first warms caches and one-time lookups) and collects the statements the second one issued.
 */
export async function captureApiSql(
  api: ServerProcess,
  probes: ReadonlyArray<{ scenario: string; request: LoadRequest; repeatBody?: () => string }>,
): Promise<CapturedScenario[]> {
  const captured: CapturedScenario[] = [];
  for (const probe of probes) {
    await send(api.baseUrl, probe.request, probe.repeatBody?.());
    await settle();
    const mark = api.mark();
    const status = await send(api.baseUrl, probe.request, probe.repeatBody?.());
    await settle();
    const statements = parseQueryLog(api.outputSince(mark)).filter((statement) => statement.sql !== HEALTH_PROBE);
    captured.push({ scenario: probe.scenario, status, statements, drift: driftOf(probe.scenario, statements) });
  }
  return captured;
}

function driftOf(scenario: string, statements: readonly LoggedStatement[]): string {
  const expected = API_SQL[scenario];
  if (expected === undefined) return 'not captured yet: add it to bench/floors/api-sql.ts';
  const known = new Set(expected.map(normalizeSql));
  const unknown = statements.filter((statement) => !known.has(normalizeSql(statement.sql)));
  if (unknown.length === 0) return 'in sync with bench/floors/api-sql.ts';
  return `DRIFT: ${unknown.length} statement(s) the API issues are not in bench/floors/api-sql.ts (the same-SQL floor is out of date)`;
}

async function send(baseUrl: string, request: LoadRequest, body = request.body): Promise<number> {
  const response = await fetch(`${baseUrl}${request.path}`, {
    method: request.method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...request.headers },
    ...(body === undefined ? {} : { body }),
  });
  await response.arrayBuffer();
  return response.status;
}

/** Lets the API's stdout reach us before the mark is read. */
async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 150));
}
