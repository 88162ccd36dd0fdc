import { parseArgs } from 'node:util';
import { Pool } from 'pg';
import { loadPreparingClient } from '../built-core';
import { startFloorServer } from './floor-server';
import { Hs256Token } from './hs256-token';
import { pageFloorRoutes } from './page-floor';
import { sameSqlFloorRoutes } from './same-sql-floor';

/** A floor server process: `node dist/bench/floors/floor-main.js --kind page|same-sql --port N`. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      kind: { type: 'string' },
      port: { type: 'string' },
      'pool-size': { type: 'string', default: '10' },
    },
  });
  const databaseUrl = process.env.BENCH_FLOOR_DATABASE_URL;
  const secret = process.env.BENCH_FLOOR_JWT_SECRET;
  if (databaseUrl === undefined || secret === undefined) {
    throw new Error('BENCH_FLOOR_DATABASE_URL and BENCH_FLOOR_JWT_SECRET are required');
  }
  const sameSql = values.kind === 'same-sql';
  const pool = new Pool({
    connectionString: databaseUrl,
    max: Number(values['pool-size']),
    application_name: `floor-${values.kind}`,
    // The same SQL the same way: the API's own client, which prepares repeated statements. The
    // page floor stays the plain `pg` a bare server would use.
    // The page floor's answer to a list `q` forgives typos as the API's does, at the search's
    // word-similarity threshold, set once per connection (the same-SQL floor sets it per transaction).
    ...(sameSql ? { Client: await loadPreparingClient() } : { options: '-c pg_trgm.word_similarity_threshold=0.4' }),
  });
  const tokens = new Hs256Token(secret, 'clientele', 'clientele-api');
  const routes = sameSql ? sameSqlFloorRoutes(tokens, pool) : pageFloorRoutes(tokens);
  await startFloorServer(pool, routes, Number(values.port), '127.0.0.1');
  const stop = (): void => {
    void pool.end().finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
