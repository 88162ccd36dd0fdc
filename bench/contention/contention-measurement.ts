import { Pool, type PoolClient } from 'pg';

/** How the counters are kept while one contention run writes. */
export type CounterMode = 'no counters' | 'one counter row' | 'spread counters';

export interface ContentionRun {
  readonly mode: CounterMode;
  readonly writers: number;
  readonly seconds: number;
  readonly creates: number;
  readonly createsPerSecond: number;
}

export interface ContentionMeasurement {
  readonly runs: readonly ContentionRun[];
  /** Spread counters' creates per second over no counters' (1 = the counters cost nothing). */
  readonly spreadRatio: number;
  /** One counter row's creates per second over no counters'. */
  readonly singleRowRatio: number;
}

/** `bump_record_count` as migration 1764000005000 wrote it: one counter row per organization. */
const ONE_ROW_BUMP = `
  CREATE OR REPLACE FUNCTION bump_record_count(t uuid, o uuid, e text, delta int) RETURNS void LANGUAGE sql AS $$
    INSERT INTO record_count (tenant_id, organization_id, entity, slot, count) VALUES (t, o, e, 0, delta)
    ON CONFLICT (tenant_id, organization_id, entity, slot) DO UPDATE SET count = record_count.count + delta
  $$`;

/** The contact triggers that keep counters; the no-counters run disables them. */
const COUNTER_TRIGGERS = ['contact_record_count', 'contact_facet_count_write', 'contact_facet_count_change'];

const MARK = 'bench-contention';

/**
 * Concurrent creates in one organization, straight in SQL: `writers` connections each run
 * transactions that insert a contact and then hold the transaction open for `holdMs` (standing
 * for the rest of a create: audit, outbox, links), as fast as they can for `seconds`. Each writer
 * uses its own status, so the facet counter rows are its own and only the organization's
 * `record_count` rows are shared: the run measures what they cost. Three runs: triggers
 * disabled (no counters), every writer on one counter row (the function as it was before
 * migration 1764000011000), and the counters as shipped (8 slots per organization).
 */
export async function measureContention(
  databaseUrl: string,
  target: { tenantId: string; organizationId: string },
  options: { writers: number; seconds: number; holdMs: number },
  log: (line: string) => void,
): Promise<ContentionMeasurement> {
  const pool = new Pool({ connectionString: databaseUrl, max: options.writers + 1 });
  const [{ prosrc }] = (
    await pool.query<{ prosrc: string }>(`SELECT prosrc FROM pg_proc WHERE proname = 'bump_record_count'`)
  ).rows;
  const shippedBump = `
  CREATE OR REPLACE FUNCTION bump_record_count(t uuid, o uuid, e text, delta int) RETURNS void LANGUAGE sql AS $$${prosrc}$$`;
  const runs: ContentionRun[] = [];
  try {
    for (const mode of ['no counters', 'one counter row', 'spread counters'] as const) {
      await prepare(pool, mode, shippedBump);
      try {
        const run = await writeConcurrently(pool, target, mode, options);
        log(`contention: ${mode}: ${run.createsPerSecond.toFixed(0)} creates/s with ${run.writers} writers`);
        runs.push(run);
      } finally {
        // Removed under the same triggers that counted them, so the counters stay right.
        await pool.query(`DELETE FROM contact WHERE tenant_id = $1 AND status LIKE '${MARK}%'`, [target.tenantId]);
        await restore(pool, shippedBump);
      }
    }
  } finally {
    await pool.end();
  }
  const rate = (mode: CounterMode): number => runs.find((run) => run.mode === mode)?.createsPerSecond ?? 0;
  return {
    runs,
    spreadRatio: rate('spread counters') / rate('no counters'),
    singleRowRatio: rate('one counter row') / rate('no counters'),
  };
}

async function prepare(pool: Pool, mode: CounterMode, shippedBump: string): Promise<void> {
  if (mode === 'no counters') {
    for (const trigger of COUNTER_TRIGGERS) await pool.query(`ALTER TABLE contact DISABLE TRIGGER ${trigger}`);
  } else if (mode === 'one counter row') {
    await pool.query(ONE_ROW_BUMP);
  } else {
    await pool.query(shippedBump);
  }
}

async function restore(pool: Pool, shippedBump: string): Promise<void> {
  for (const trigger of COUNTER_TRIGGERS) await pool.query(`ALTER TABLE contact ENABLE TRIGGER ${trigger}`);
  await pool.query(shippedBump);
}

async function writeConcurrently(
  pool: Pool,
  target: { tenantId: string; organizationId: string },
  mode: CounterMode,
  { writers, seconds, holdMs }: { writers: number; seconds: number; holdMs: number },
): Promise<ContentionRun> {
  const clients: PoolClient[] = [];
  for (let i = 0; i < writers; i += 1) clients.push(await pool.connect());
  const deadline = Date.now() + seconds * 1000;
  const started = Date.now();
  try {
    const counts = await Promise.all(
      clients.map(async (client, writer) => {
        let creates = 0;
        while (Date.now() < deadline) {
          await client.query('BEGIN');
          await client.query(
            `INSERT INTO contact (tenant_id, organization_id, name, contact_type, status)
             VALUES ($1, $2, 'Contention ' || $3, 'LEAD', $4)`,
            [target.tenantId, target.organizationId, `${writer}-${creates}`, `${MARK}-${writer}`],
          );
          await client.query('SELECT pg_sleep($1)', [holdMs / 1000]);
          await client.query('COMMIT');
          creates += 1;
        }
        return creates;
      }),
    );
    const elapsed = (Date.now() - started) / 1000;
    const creates = counts.reduce((sum, count) => sum + count, 0);
    return { mode, writers, seconds: elapsed, creates, createsPerSecond: creates / elapsed };
  } finally {
    for (const client of clients) client.release();
  }
}
