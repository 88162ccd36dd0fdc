import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from 'nats';
import { pathToFileURL } from 'node:url';
import { Pool, type PoolClient } from 'pg';
import { builtFile } from '../repo-paths';

/** What the measurement uses of the app's build. */
/** TypeORM's `query` (rows), over one pg client. */
interface Queries {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}
function rowsOf(client: PoolClient): Queries {
  return { query: async (sql, parameters) => (await client.query(sql, parameters)).rows };
}

interface RelayModule {
  loadConfig(source: Record<string, string | undefined>): { nats: { subjectPrefix: string; stream: string } };
  OutboxRelayJob: new (
    jobs: { register(): void },
    publisher: unknown,
    config: unknown,
  ) => { relay(manager: Queries, publisher: unknown): Promise<number> };
  JetStreamPublisher: new (config: unknown) => {
    onApplicationBootstrap(): void;
    onApplicationShutdown(): Promise<void>;
  };
  OutboxSequencer: new () => { sequence(manager: Queries): Promise<number> };
}

export interface RelayThroughput {
  readonly events: number;
  /** Outbox insert → sequenced → JetStream ack, through the app's relay. */
  readonly relayPerSecond: number;
  /** The same number of messages, of the same size, published and acked one at a time by a bare loop. */
  readonly barePublisherPerSecond: number;
}

/**
 * Events per second through the relay (one insert of `events` outbox rows, then the app's
 * sequencer and `OutboxRelayJob.relay` with the real `JetStreamPublisher` until all are acked)
 * against a bare `js.publish` loop on the same connection settings, in one run. `databaseUrl`
 * is a migrated database the measurement may write outbox rows to (it deletes them after).
 */
export async function measureRelayThroughput(
  databaseUrl: string,
  natsUrl: string,
  events: number,
): Promise<RelayThroughput> {
  const core = (await import(pathToFileURL(builtFile('libs/core/src/index.js')).href)) as RelayModule;
  const suffix = randomUUID().slice(0, 8);
  const config = core.loadConfig({
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: 'bench-secret-that-is-at-least-32-characters',
    NATS_URL: natsUrl,
    NATS_STREAM: `BENCH_RELAY_${suffix}`,
    NATS_SUBJECT_PREFIX: `bench_${suffix}`,
  });
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  const publisher = new core.JetStreamPublisher(config);
  const relayJob = new core.OutboxRelayJob({ register: () => undefined }, publisher, config);
  const sequencer = new core.OutboxSequencer();
  const tenantId = randomUUID();
  let nats: NatsConnection | undefined;
  try {
    const started = process.hrtime.bigint();
    await pool.query(
      `INSERT INTO outbox_event (id, tenant_id, type, version, entity, entity_id, data)
       SELECT gen_random_uuid(), $1, 'bench.relayed', 1, 'bench', gen_random_uuid(), jsonb_build_object('n', n, 'name', 'Bench ' || n)
         FROM generate_series(1, $2) AS n`,
      [tenantId, events],
    );
    let relayed = 0;
    while (relayed < events) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await sequencer.sequence(rowsOf(client));
        relayed += await relayJob.relay(rowsOf(client), publisher);
        await client.query('COMMIT');
      } catch (failure) {
        await client.query('ROLLBACK');
        throw failure;
      } finally {
        client.release();
      }
    }
    const relaySeconds = Number(process.hrtime.bigint() - started) / 1e9;

    nats = await connect({ servers: natsUrl });
    const js = nats.jetstream();
    const body = new TextEncoder().encode(
      JSON.stringify({
        id: randomUUID(),
        sequence: '1',
        type: 'bench.relayed',
        tenantId,
        data: { n: 1, name: 'Bench 1' },
      }),
    );
    const bareStarted = process.hrtime.bigint();
    for (let n = 0; n < events; n += 1) {
      await js.publish(`${config.nats.subjectPrefix}.${tenantId}.bench.bare`, body, { msgID: randomUUID() });
    }
    const bareSeconds = Number(process.hrtime.bigint() - bareStarted) / 1e9;
    return {
      events,
      relayPerSecond: Math.round(events / relaySeconds),
      barePublisherPerSecond: Math.round(events / bareSeconds),
    };
  } finally {
    await pool.query(`DELETE FROM outbox_event WHERE tenant_id = $1`, [tenantId]).catch(() => undefined);
    await publisher.onApplicationShutdown();
    if (nats !== undefined) {
      await (await nats.jetstreamManager()).streams.delete(config.nats.stream).catch(() => false);
      await nats.close();
    }
    await pool.end();
  }
}

/** `node dist/bench/relay/relay-throughput.js` with DATABASE_URL (migrated), NATS_URL and RELAY_EVENTS. */
if (require.main === module) {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl === undefined) throw new Error('DATABASE_URL (a migrated database) is required');
  measureRelayThroughput(
    databaseUrl,
    process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
    Number(process.env.RELAY_EVENTS ?? 5_000),
  ).then(
    (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
    (failure: unknown) => {
      process.stderr.write(`${failure instanceof Error ? (failure.stack ?? failure.message) : String(failure)}\n`);
      process.exitCode = 1;
    },
  );
}
