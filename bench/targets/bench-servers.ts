import { join } from 'node:path';
import { builtFile } from '../repo-paths';
import { ServerProcess } from './server-process';

/**
 * Below Linux's ephemeral range (32768–60999): a port in it can be taken, just before a server
 * binds, by the local end of any outgoing connection (it happened: EADDRINUSE on the API's port).
 */
export const PORTS = {
  api: 29610,
  pageFloor: 29611,
  sameSqlFloor: 29612,
  captureApi: 29613,
  embeddedApi: 29614,
  twinApi: 29615,
} as const;

/** Signs and verifies the bench's tokens, in the API and the floors alike. Never a real secret. */
export const BENCH_JWT_SECRET = 'clientele-bench-only-jwt-secret-0123456789abcdef';

export interface ApiSettings {
  readonly port: number;
  /** Real PostgreSQL; absent → the app's embedded database in `dataDir`. */
  readonly databaseUrl?: string;
  readonly dataDir?: string;
  readonly poolSize: number;
  readonly logLevel: string;
  readonly logQueries?: boolean;
}

/** The built app (`dist/apps/api/src/main.js`) as production runs it, with only the bench's settings. */
export function startApi(settings: ApiSettings): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(settings.port),
    LOG_LEVEL: settings.logLevel,
    JWT_SECRET: BENCH_JWT_SECRET,
    DATABASE_POOL_SIZE: String(settings.poolSize),
    DATABASE_LOG_QUERIES: settings.logQueries === true ? 'true' : 'false',
    // The capture explains each statement with the parameters it ran with.
    DATABASE_LOG_QUERY_PARAMETERS: settings.logQueries === true ? 'true' : 'false',
    // Capturing, the background jobs stay off: their statements would mix with the request's.
    ...(settings.logQueries === true ? { SCHEDULER_ENABLED: 'false' } : {}),
    SEED_DEMO_DATA: 'false',
    // The limiter stays on (its cost is part of every request) but one actor hammering one
    // route must not be answered 429: limits far above what this machine can serve.
    RATE_LIMIT_PER_IP: '10000000',
    RATE_LIMIT_PER_ACTOR: '10000000',
    RATE_LIMIT_AUTH_PER_IP: '10000000',
    ...(settings.databaseUrl === undefined ? {} : { DATABASE_URL: settings.databaseUrl }),
    ...(settings.dataDir === undefined ? {} : { DATA_DIR: settings.dataDir }),
  };
  return ServerProcess.start({
    name: `API on :${settings.port}`,
    command: process.execPath,
    // As `npm run start:prod` and the Docker image run it.
    args: ['--max-semi-space-size=32', builtFile('apps/api/src/main.js')],
    env,
    baseUrl: `http://127.0.0.1:${settings.port}`,
    readyPath: '/api/health/ready',
    keepOutput: settings.logQueries === true,
  });
}

export function startFloor(
  kind: 'page' | 'same-sql',
  port: number,
  databaseUrl: string,
  poolSize: number,
): Promise<ServerProcess> {
  return ServerProcess.start({
    name: `${kind} floor on :${port}`,
    command: process.execPath,
    args: [
      join(__dirname, '..', 'floors', 'floor-main.js'),
      '--kind',
      kind,
      '--port',
      String(port),
      '--pool-size',
      String(poolSize),
    ],
    env: {
      PATH: process.env.PATH,
      BENCH_FLOOR_DATABASE_URL: databaseUrl,
      BENCH_FLOOR_JWT_SECRET: BENCH_JWT_SECRET,
    },
    baseUrl: `http://127.0.0.1:${port}`,
    readyPath: '/health',
  });
}

/** Logs in through the API and returns the access token. */
export async function login(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = (await response.json()) as { accessToken?: unknown };
  if (!response.ok || typeof body.accessToken !== 'string') {
    throw new Error(`login as ${email} failed: HTTP ${response.status} ${JSON.stringify(body)}`);
  }
  return body.accessToken;
}
