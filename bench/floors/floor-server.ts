import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Pool, QueryResult, QueryResultRow } from 'pg';

/** What a floor route queries through: the pool, or the explaining wrapper in EXPLAIN mode. */
export interface FloorDb {
  query<R extends QueryResultRow = QueryResultRow>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
}

export interface FloorRequest {
  readonly method: string;
  readonly url: URL;
  /** Capture groups of the route's path pattern. */
  readonly params: readonly string[];
  readonly headers: IncomingMessage['headers'];
  readonly body: unknown;
  readonly db: FloorDb;
}

export interface FloorReply {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface FloorRoute {
  readonly method: 'GET' | 'POST';
  readonly path: RegExp;
  handle(request: FloorRequest): Promise<FloorReply>;
}

/**
 * The whole "framework" of a floor: node:http, a route table, JSON in and out. Anything the
 * API does beyond this is framework cost.
 */
export function startFloorServer(
  pool: Pool,
  routes: readonly FloorRoute[],
  port: number,
  host: string,
): Promise<Server> {
  const server = createServer((req, res) => {
    void serve(pool, routes, req, res);
  });
  server.keepAliveTimeout = 65_000;
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

async function serve(
  pool: Pool,
  routes: readonly FloorRoute[],
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  try {
    const url = new URL(req.url ?? '/', 'http://floor');
    if (url.pathname === '/health') return send(res, { status: 200, body: { status: 'ok' } });
    for (const route of routes) {
      if (route.method !== req.method) continue;
      const match = route.path.exec(url.pathname);
      if (match === null) continue;
      const body = req.method === 'POST' ? await readJson(req) : undefined;
      const explain = req.headers['x-bench-explain'] !== undefined;
      const db: FloorDb = explain ? new ExplainingDb(pool) : pool;
      const reply = await route.handle({
        method: req.method,
        url,
        params: match.slice(1),
        headers: req.headers,
        body,
        db,
      });
      return send(res, explain ? { status: 200, body: { plans: (db as ExplainingDb).plans } } : reply);
    }
    send(res, { status: 404, body: { status: 404, code: 'NOT_FOUND' } });
  } catch (error) {
    send(res, { status: 500, body: { status: 500, detail: error instanceof Error ? error.message : String(error) } });
  }
}

function send(res: ServerResponse, reply: FloorReply): void {
  const payload = JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    ...reply.headers,
  });
  res.end(payload);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? undefined : JSON.parse(text);
}

/**
 * EXPLAIN mode (`x-bench-explain` header): each statement is run under EXPLAIN (ANALYZE,
 * BUFFERS) and then for real, both in transactions rolled back, so writes leave nothing behind
 * and the route still gets real rows to build its answer from.
 */
class ExplainingDb implements FloorDb {
  readonly plans: Array<{ sql: string; params: readonly unknown[]; plan: string }> = [];

  constructor(private readonly pool: Pool) {}

  async query<R extends QueryResultRow = QueryResultRow>(
    sql: string,
    params: readonly unknown[] = [],
  ): Promise<QueryResult<R>> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const plan = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, [...params]);
      await client.query('ROLLBACK');
      this.plans.push({ sql, params, plan: plan.rows.map((row) => row['QUERY PLAN']).join('\n') });
      await client.query('BEGIN');
      const result = await client.query<R>(sql, [...params]);
      await client.query('ROLLBACK');
      return result;
    } finally {
      client.release();
    }
  }
}
