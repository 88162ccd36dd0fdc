import { randomBytes, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { CapturedScenario } from '../capture/capture-api-sql';
import type { LoadRequest } from '../load/load-run';

export interface ExplainedStatement {
  readonly sql: string;
  readonly plan: string;
}

export interface ScenarioPlans {
  readonly scenario: string;
  readonly api: readonly ExplainedStatement[];
  readonly pageFloor: readonly ExplainedStatement[];
}

const NOT_EXPLAINABLE = /^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SET|RESET|SAVEPOINT|RELEASE)\b/i;

/**
 * EXPLAIN (ANALYZE, BUFFERS) of every statement the API issued for a scenario (with the
 * parameters it logged), each in a transaction rolled back so writes leave nothing behind.
 */
export async function explainApiStatements(pool: Pool, scenario: CapturedScenario): Promise<ExplainedStatement[]> {
  const explained: ExplainedStatement[] = [];
  for (const statement of scenario.statements) {
    if (NOT_EXPLAINABLE.test(statement.sql)) continue;
    const parameters = statement.parameters.map(freshWhereUnique);
    let plan = await explain(pool, statement.sql, parameters);
    if (plan.startsWith('(EXPLAIN failed: duplicate key')) {
      // The captured request stored these values; fresh ones for the ids and hashes only this statement uses.
      // (An id another statement also names, even inside a JSON payload, is a reference: kept.)
      const elsewhere = JSON.stringify(
        scenario.statements.filter((other) => other !== statement).map((other) => other.parameters),
      );
      plan = await explain(
        pool,
        statement.sql,
        parameters.map((value) => (isGeneratedKey(value) && !elsewhere.includes(value) ? freshLike(value) : value)),
      );
    }
    explained.push({ sql: statement.sql, plan });
  }
  return explained;
}

async function explain(pool: Pool, sql: string, parameters: unknown[]): Promise<string> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, parameters);
    return result.rows.map((row) => row['QUERY PLAN']).join('\n');
  } catch (error) {
    return `(EXPLAIN failed: ${error instanceof Error ? error.message : String(error)})`;
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX_DIGEST = /^[0-9a-f]{64}$/;

function isGeneratedKey(value: unknown): value is string {
  return typeof value === 'string' && (UUID.test(value) || HEX_DIGEST.test(value));
}

function freshLike(value: string): string {
  return UUID.test(value) ? randomUUID() : randomBytes(32).toString('hex');
}

/** The page floor explains its own statements when asked with `x-bench-explain`. */
export async function explainPageFloor(baseUrl: string, request: LoadRequest): Promise<ExplainedStatement[]> {
  const body = request.body?.replace(/\[<id>\]/g, randomUUID().slice(0, 8));
  const response = await fetch(`${baseUrl}${request.path}`, {
    method: request.method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...request.headers,
      'x-bench-explain': '1',
      'x-bench-total': 'exact',
    },
    ...(body === undefined ? {} : { body }),
  });
  if (!response.ok) return [{ sql: '', plan: `(page floor answered ${response.status})` }];
  const answer = (await response.json()) as { plans?: Array<{ sql: string; plan: string }> };
  return (answer.plans ?? []).map(({ sql, plan }) => ({ sql, plan }));
}

/** The create scenario's e-mail was stored when it was captured; explaining it again needs a new one. */
function freshWhereUnique(parameter: unknown): unknown {
  if (typeof parameter === 'string' && parameter.endsWith('@created.bench.test')) {
    return `explain.${randomUUID()}@created.bench.test`;
  }
  return parameter;
}
