import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import supertest from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { TEST_JWT_SECRET } from './test-app';

/** The repository root: vitest runs from the directory of `vitest.config.mts`. */
const REPO_ROOT = process.cwd();
export const BUILT_MAIN = join(REPO_ROOT, 'dist/apps/api/src/main.js');
/** What `npm run build` compiles into `BUILT_MAIN` (libs/testing and specs are not part of it). */
const BUILD_SOURCES = ['apps/api/src', 'libs/core/src', 'libs/crm/src'];
/** Outside the repository, one per checkout. */
const BUILD_LOCK = join(tmpdir(), `clientele-build-lock-${REPO_ROOT.replace(/[^A-Za-z0-9]+/g, '_')}`);

/**
 * Builds the API once when `dist` is missing or older than any source it is built from, so a
 * developer's `npm test` never spawns a stale build (CI builds first and this finds it fresh).
 * Test files run in parallel workers and `nest build` empties `dist` first, so one worker builds
 * under a lock directory while the others wait for it.
 */
export async function ensureBuilt(): Promise<void> {
  if (isFresh()) return;
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      break;
    } catch {
      // Another worker builds; a lock older than 5 minutes is left by a killed run.
      if (Date.now() - (statSync(BUILD_LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 300_000) {
        rmSync(BUILD_LOCK, { recursive: true, force: true });
      }
      await sleep(500);
      if (!existsSync(BUILD_LOCK) && isFresh()) return;
    }
  }
  try {
    if (isFresh()) return;
    const build = spawnSync('npx', ['nest', 'build'], { cwd: REPO_ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

function isFresh(): boolean {
  const built = statSync(BUILT_MAIN, { throwIfNoEntry: false });
  if (built === undefined) return false;
  return BUILD_SOURCES.every((dir) => newestTypeScript(join(REPO_ROOT, dir)) <= built.mtimeMs);
}

function newestTypeScript(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestTypeScript(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A loopback port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `check` until it answers true, or throws naming `what` after `timeoutMs`. */
export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
  everyMs = 100,
): Promise<number> {
  const started = Date.now();
  let lastError: unknown;
  while (Date.now() - started < timeoutMs) {
    try {
      if (await check()) return Date.now() - started;
    } catch (error) {
      lastError = error;
    }
    await sleep(everyMs);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`, { cause: lastError });
}

/** A child process this test file started; `stopAll` ends every one still running. */
class Child {
  private static readonly running = new Set<Child>();
  private log = '';
  readonly exited: Promise<number | null>;

  constructor(
    readonly name: string,
    readonly process: ChildProcess,
  ) {
    Child.running.add(this);
    const keep = (chunk: Buffer): void => {
      // The tail is enough to explain a failure.
      this.log = (this.log + chunk.toString()).slice(-20_000);
    };
    process.stdout?.on('data', keep);
    process.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => {
      process.once('exit', (code) => {
        Child.running.delete(this);
        resolve(code);
      });
    });
  }

  get alive(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  output(): string {
    return this.log;
  }

  /** Sends `signal` and waits for the exit (SIGKILL after 10 s of waiting). */
  async kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (!this.alive) return;
    this.process.kill(signal);
    const timer = setTimeout(() => this.process.kill('SIGKILL'), 10_000);
    await this.exited;
    clearTimeout(timer);
  }

  /** Even when the test process exits without its afterAll (a crash), no child outlives it. */
  static killOnExit(): void {
    process.once('exit', () => {
      for (const child of Child.running) child.process.kill('SIGKILL');
    });
  }

  static async stopAll(): Promise<void> {
    await Promise.all([...Child.running].map((child) => child.kill('SIGKILL')));
  }
}

Child.killOnExit();

/** Kills every API and Redis this test file spawned; call it in `afterAll`, first. */
export function stopSpawned(): Promise<void> {
  return Child.stopAll();
}

export interface SpawnedApi {
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  readonly http: TestAgent;
  readonly alive: boolean;
  /** Its exit code once it has exited (null while running, or when a signal ended it). */
  readonly exitCode: number | null;
  /** The last 20 kB of its stdout and stderr. */
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export interface SpawnApiOptions {
  /** PostgreSQL to use; unset → the embedded database in `dataDir`. */
  readonly databaseUrl?: string;
  readonly dataDir?: string;
  readonly redisUrl?: string;
  readonly port?: number;
  /** Any other variables (they win over the defaults below). */
  readonly env?: Readonly<Record<string, string>>;
  readonly readyTimeoutMs?: number;
}

/**
 * Starts the built API (`node dist/apps/api/src/main.js`) as a child process on its own port and
 * resolves once `/api/health/ready` answers 200. Rate limits are off unless `env` turns them on.
 */
export async function spawnApi(options: SpawnApiOptions): Promise<SpawnedApi> {
  await ensureBuilt();
  const port = options.port ?? (await freePort());
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    TMPDIR: process.env.TMPDIR ?? '/tmp',
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    JWT_SECRET: TEST_JWT_SECRET,
    MIGRATIONS_RUN: options.databaseUrl === undefined ? 'true' : 'false',
    SEED_DEMO_DATA: 'false',
    DATABASE_POOL_SIZE: '5',
    RATE_LIMIT_ENABLED: 'false',
    API_DOCS_ENABLED: 'false',
    ...(options.databaseUrl === undefined ? {} : { DATABASE_URL: options.databaseUrl }),
    ...(options.dataDir === undefined ? {} : { DATA_DIR: options.dataDir }),
    ...(options.redisUrl === undefined ? {} : { REDIS_URL: options.redisUrl }),
    ...options.env,
  };
  const child = new Child(
    `api:${port}`,
    spawn(process.execPath, [BUILT_MAIN], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] }),
  );
  const url = `http://127.0.0.1:${port}`;
  const http = supertest(url);
  try {
    await waitFor(
      `the API on port ${port} to be ready`,
      async () => {
        if (!child.alive) throw new Error(`the API exited with ${String(child.process.exitCode)}`);
        const response = await http.get('/api/health/ready').timeout(2_000);
        return response.status === 200;
      },
      options.readyTimeoutMs ?? 60_000,
      200,
    );
  } catch (error) {
    await child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n--- API output ---\n${child.output()}`, { cause: error });
  }
  return {
    url,
    port,
    pid: child.process.pid ?? 0,
    http,
    get alive() {
      return child.alive;
    },
    get exitCode() {
      return child.process.exitCode;
    },
    output: () => child.output(),
    kill: (signal) => child.kill(signal),
  };
}

export interface RedisServer {
  readonly url: string;
  readonly port: number;
  /** Starts it (again, on the same port, empty). */
  start(): Promise<void>;
  /** SIGKILL: the server is gone at once, as in a crash. */
  kill(): Promise<void>;
}

/**
 * A private `redis-server` on a free loopback port, with no persistence, so tests can kill it
 * without touching the machine's shared Redis.
 */
export async function privateRedis(): Promise<RedisServer> {
  const port = await freePort();
  let child: Child | undefined;
  const server: RedisServer = {
    url: `redis://127.0.0.1:${port}`,
    port,
    start: async () => {
      if (child?.alive === true) return;
      const started = new Child(
        `redis:${port}`,
        spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
          stdio: ['ignore', 'pipe', 'pipe'],
        }),
      );
      child = started;
      await waitFor(
        `redis-server on port ${port}`,
        () => {
          if (!started.alive) throw new Error(`redis-server exited:\n${started.output()}`);
          return Promise.resolve(started.output().includes('Ready to accept connections'));
        },
        10_000,
        50,
      );
    },
    kill: async () => {
      await child?.kill('SIGKILL');
    },
  };
  await server.start();
  return server;
}
