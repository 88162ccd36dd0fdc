import { parseArgs } from 'node:util';

export interface BenchOptions {
  readonly quick: boolean;
  readonly databaseUrl: string;
  readonly contacts: number;
  readonly seed: number;
  readonly regenerate: boolean;
  readonly generateOnly: boolean;
  readonly captureSqlOnly: boolean;
  /** Seconds per autocannon run. */
  readonly duration: number;
  readonly connections: number;
  /** How many times the list scenario is repeated, to state the noise. */
  readonly listRepeats: number;
  readonly scenarios: readonly string[] | undefined;
  readonly embedded: boolean;
  readonly embeddedContacts: number;
  readonly export: boolean;
  readonly contention: boolean;
  /** Events through the outbox relay to JetStream, against a bare publisher loop (needs NATS). */
  readonly relay: boolean;
  readonly natsUrl: string;
  readonly poolSize: number;
  readonly apiLogLevel: string;
}

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/clientele_bench';

const USAGE = `npm run bench -- [options]
  --quick                 small data (20,000 contacts), 3 s runs: the CI smoke, under two minutes
  --contacts N            contacts to generate (default 1,000,000; quick 20,000)
  --seed N                PRNG seed of the data set (default 42)
  --regenerate            drop and regenerate the bench database even if it holds this data set
  --generate-only         only make sure the data set exists
  --capture-sql           start the API with DATABASE_LOG_QUERIES=true, print each scenario's SQL, exit
  --duration S            seconds per autocannon run (default 10; quick 2; at most 10)
  --connections N         concurrent connections (default 50)
  --list-repeats N        repeat the list scenario N times to state the noise (default 2; quick 1)
  --scenarios a,b         run only these scenarios (names in bench/README.md)
  --no-embedded           skip the list scenario on the embedded database
  --embedded-contacts N   contacts in the embedded copy (default 100,000; quick 5,000)
  --no-export             skip the CSV export measurement
  --no-contention         skip the concurrent-creates (counter contention) measurement
  --no-relay              skip the outbox relay → JetStream measurement (events/s)
  --pool-size N           database pool of the API and of both floors (default 10, the API's default)
  --api-log-level L       LOG_LEVEL of the API under load (default warn: no per-request lines)
Environment: BENCH_DATABASE_URL (default ${DEFAULT_DATABASE_URL}; --quick appends _quick to its name),
  NATS_URL for the relay measurement (default nats://127.0.0.1:4222)`;

export function parseBenchOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      contacts: { type: 'string' },
      seed: { type: 'string', default: '42' },
      regenerate: { type: 'boolean', default: false },
      'generate-only': { type: 'boolean', default: false },
      'capture-sql': { type: 'boolean', default: false },
      duration: { type: 'string' },
      connections: { type: 'string', default: '50' },
      'list-repeats': { type: 'string' },
      scenarios: { type: 'string' },
      'no-embedded': { type: 'boolean', default: false },
      'embedded-contacts': { type: 'string' },
      'no-export': { type: 'boolean', default: false },
      'no-contention': { type: 'boolean', default: false },
      'no-relay': { type: 'boolean', default: false },
      'pool-size': { type: 'string', default: '10' },
      'api-log-level': { type: 'string', default: 'warn' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const quick = values.quick;
  const baseUrl = env.BENCH_DATABASE_URL ?? DEFAULT_DATABASE_URL;
  return {
    quick,
    databaseUrl: quick ? withDatabaseSuffix(baseUrl, '_quick') : baseUrl,
    contacts: int('--contacts', values.contacts, quick ? 20_000 : 1_000_000, 1_000, 10_000_000),
    seed: int('--seed', values.seed, 42, 0, 2 ** 31),
    regenerate: values.regenerate,
    generateOnly: values['generate-only'],
    captureSqlOnly: values['capture-sql'],
    duration: int('--duration', values.duration, quick ? 2 : 10, 1, 10),
    connections: int('--connections', values.connections, 50, 1, 500),
    listRepeats: int('--list-repeats', values['list-repeats'], quick ? 1 : 2, 1, 10),
    scenarios: values.scenarios?.split(',').map((name) => name.trim()),
    embedded: !values['no-embedded'],
    embeddedContacts: int(
      '--embedded-contacts',
      values['embedded-contacts'],
      quick ? 5_000 : 100_000,
      1_000,
      1_000_000,
    ),
    export: !values['no-export'],
    contention: !values['no-contention'],
    relay: !values['no-relay'],
    natsUrl: env.NATS_URL ?? 'nats://127.0.0.1:4222',
    poolSize: int('--pool-size', values['pool-size'], 10, 1, 200),
    apiLogLevel: values['api-log-level'],
  };
}

function int(flag: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw.replace(/[_,]/g, ''));
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${flag} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function withDatabaseSuffix(url: string, suffix: string): string {
  const parsed = new URL(url);
  parsed.pathname = `${parsed.pathname}${suffix}`;
  return parsed.toString();
}
