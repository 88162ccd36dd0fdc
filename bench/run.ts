import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { type BenchOptions, parseBenchOptions } from './bench-options';
import { type BuiltCore, loadBuiltCore } from './built-core';
import { type CapturedScenario, captureApiSql } from './capture/capture-api-sql';
import { type ContentionMeasurement, measureContention } from './contention/contention-measurement';
import { prepareEmbeddedCopy } from './embedded/embedded-copy';
import { measureRelayThroughput, type RelayThroughput } from './relay/relay-throughput';
import { explainApiStatements, explainPageFloor, type ScenarioPlans } from './explain/explain-plans';
import { type ExportMeasurement, measureApiExport, measurePsqlCopy } from './export/export-measurement';
import { exportSelectSql } from './floors/api-sql';
import type { DatasetManifest } from './generate/dataset-manifest';
import { existingDataset, generateDataset, migrate } from './generate/generate-dataset';
import { removeCreatedContacts, resetBenchWrites } from './generate/reset-bench-writes';
import type { LoadRequest, SerialLatency } from './load/load-run';
import { runLoad } from './load/run-load';
import type { Measurement } from './report/measurement';
import { type EmbeddedComparison, type MachineInfo, renderReport } from './report/results-report';
import { contactScenarios } from './scenarios/contact-scenarios';
import { eventScenarios } from './scenarios/event-scenarios';
import { salesScenarios } from './scenarios/sales-scenarios';
import { serviceScenarios } from './scenarios/service-scenarios';
import { type Fixtures, loadFixtures } from './scenarios/fixtures';
import type { Scenario, TargetName } from './scenarios/scenario';
import { login, PORTS, startApi, startFloor } from './targets/bench-servers';
import type { ServerProcess } from './targets/server-process';
import { REPO_ROOT } from './repo-paths';

/** Access tokens live 15 minutes; log in again well before that. */
const TOKEN_REFRESH_MS = 10 * 60 * 1000;
const WARM_UP_SECONDS = 2;

async function main(): Promise<void> {
  const startedAt = new Date();
  const options = parseBenchOptions(process.argv.slice(2), process.env);
  const core = await loadBuiltCore();
  const manifest = await ensureDataset(core, options, options.databaseUrl, options.contacts);
  if (options.generateOnly) return;
  const pool = new Pool({ connectionString: options.databaseUrl, max: 2 });
  const servers: ServerProcess[] = [];
  const stopAll = async (): Promise<void> => {
    await Promise.all(servers.splice(0).map((server) => server.stop()));
  };
  process.once('SIGINT', () => void stopAll().finally(() => process.exit(130)));
  try {
    const removed = await resetBenchWrites(pool, manifest);
    if (removed > 0) log(`removed ${removed.toLocaleString('en')} contacts created by earlier runs`);
    const fixtures = await loadFixtures(pool, core, manifest);
    log(
      `fixtures: organization of ${fixtures.organizationContacts.toLocaleString('en')} contacts, cursor page ${fixtures.cursorPage}`,
    );

    const captured = await capture(options, fixtures);
    printCapture(captured, options.captureSqlOnly);
    if (options.captureSqlOnly) return;

    const api = await startApi({
      port: PORTS.api,
      databaseUrl: options.databaseUrl,
      poolSize: options.poolSize,
      logLevel: options.apiLogLevel,
    });
    servers.push(api);
    const pageFloor = await startFloor('page', PORTS.pageFloor, options.databaseUrl, options.poolSize);
    servers.push(pageFloor);
    const sameSqlFloor = await startFloor('same-sql', PORTS.sameSqlFloor, options.databaseUrl, options.poolSize);
    servers.push(sameSqlFloor);
    const targets: Record<TargetName, ServerProcess> = {
      api,
      'page-floor': pageFloor,
      'page-floor+count': pageFloor,
      'same-sql-floor': sameSqlFloor,
    };
    const session = new ApiSession(api.baseUrl, manifest);
    const scenarios = async (): Promise<Scenario[]> =>
      selected(benchScenarios(fixtures, await session.token()), options.scenarios);

    const cursorCheck = await checkCursor(api.baseUrl, fixtures, await session.token());
    log(`cursor check: ${cursorCheck}`);
    const measurements = await measureScenarios(options, pool, targets, scenarios);

    // EXPLAIN and the export read the data as generated, without the contacts the create scenario added.
    await removeCreatedContacts(pool, manifest);
    const plans = await explainScenarios(pool, captured, pageFloor, await scenarios());
    const exports = options.export ? await measureExports(options, pool, api, fixtures, await session.token()) : [];
    await stopAll();
    const contention = options.contention ? await measureCounterContention(options, fixtures) : undefined;
    const relay = options.relay ? await measureRelay(options) : undefined;

    const embedded =
      options.embedded && (options.scenarios?.includes('list') ?? true)
        ? await measureEmbedded(core, options)
        : undefined;

    const report = renderReport({
      startedAt,
      finishedAt: new Date(),
      options,
      machine: await machineInfo(pool),
      manifest,
      fixtures,
      measurements,
      cursorCheck,
      embedded,
      exports,
      contention,
      relay,
      captured,
      plans,
    });
    const directory = join(REPO_ROOT, 'bench', 'results');
    await mkdir(directory, { recursive: true });
    const file = join(directory, `${startedAt.toISOString().replace(/[:.]/g, '-')}${options.quick ? '-quick' : ''}.md`);
    await writeFile(file, report);
    console.log(`\n${report.slice(0, report.indexOf('## SQL the API issued'))}`);
    log(`results written to ${file}`);
  } finally {
    await stopAll();
    await pool.end();
  }
}

/** Reuses the bench database when it holds this very data set; otherwise generates it. */
async function ensureDataset(
  core: BuiltCore,
  options: BenchOptions,
  url: string,
  contacts: number,
): Promise<DatasetManifest> {
  const existing = options.regenerate ? null : await existingDataset(url, contacts, options.seed);
  if (existing !== null) {
    const ran = await migrate(core, url);
    log(
      `reusing ${redact(url)} (${contacts.toLocaleString('en')} contacts)${ran.length > 0 ? `; ran migrations ${ran.join(', ')}` : ''}`,
    );
    return existing;
  }
  log(`generating ${contacts.toLocaleString('en')} contacts into ${redact(url)}`);
  return generateDataset(core, {
    url,
    contacts,
    seed: options.seed,
    bulk: 'copy',
    recreateDatabase: true,
    log: (message) => log(`[generate] ${message}`),
  });
}

/** The API started once with its query log on: each scenario's SQL, and any drift from api-sql.ts. */
async function capture(options: BenchOptions, fixtures: Fixtures): Promise<CapturedScenario[]> {
  const api = await startApi({
    port: PORTS.captureApi,
    databaseUrl: options.databaseUrl,
    poolSize: options.poolSize,
    // Statements are logged at debug.
    logLevel: 'debug',
    logQueries: true,
  });
  try {
    const token = await login(api.baseUrl, fixtures.manifest.bigTenant.adminEmail, fixtures.manifest.password);
    const scenarios = selected(benchScenarios(fixtures, token), options.scenarios);
    return await captureApiSql(
      api,
      scenarios.map((scenario) => {
        const request = firstRequest(scenario);
        return {
          scenario: scenario.name,
          request,
          ...(scenario.idReplacement === true && request.body !== undefined
            ? { repeatBody: () => withFreshIds(request.body ?? '') }
            : {}),
        };
      }),
    );
  } finally {
    await api.stop();
  }
}

/** Every selected scenario against every target, the API and the floors taking turns. */
async function measureScenarios(
  options: BenchOptions,
  pool: Pool,
  targets: Record<TargetName, ServerProcess>,
  scenarios: () => Promise<Scenario[]>,
): Promise<Measurement[]> {
  const measurements: Measurement[] = [];
  const names = (await scenarios()).map((scenario) => scenario.name);
  for (const name of names) {
    const repeats = name === 'list' ? options.listRepeats : 1;
    for (let repeat = 1; repeat <= repeats; repeat++) {
      for (const target of Object.keys(targets) as TargetName[]) {
        const scenario = (await scenarios()).find((candidate) => candidate.name === name);
        if (scenario === undefined) continue;
        // The quick smoke skips the count variant to stay under two minutes.
        if (target === 'page-floor+count' && (!scenario.withCountFloor || options.quick)) continue;
        const connections = options.quick
          ? Math.min(10, scenario.connections ?? options.connections)
          : (scenario.connections ?? options.connections);
        const requests = forTarget(scenario.requests, target);
        const base = { scenario: scenario.name, title: scenario.title, target, repeat, connections };
        const status = await probe(targets[target].baseUrl, requests[0], scenario.idReplacement === true);
        if (status !== scenario.expectStatus) {
          if (repeat === 1) {
            measurements.push({
              ...base,
              unavailable: status === 501 ? 'SQL not captured yet' : `not available yet (HTTP ${status})`,
            });
          }
          log(`${scenario.name} × ${target}: not available (HTTP ${status})`);
          continue;
        }
        const spec = {
          url: targets[target].baseUrl,
          requests,
          connections,
          idReplacement: scenario.idReplacement === true,
        };
        if (!options.quick) {
          await runLoad({ ...spec, durationSeconds: WARM_UP_SECONDS });
          await quiesce(pool);
        }
        // After the warm-up: the first scenario would otherwise time a freshly started, unoptimized server.
        const serial = await serialLatency(
          targets[target].baseUrl,
          requests,
          scenario.idReplacement === true,
          options.quick ? 3 : 31,
        );
        const result = await runLoad({ ...spec, durationSeconds: options.duration });
        await quiesce(pool);
        measurements.push({ ...base, result, serial });
        log(
          `${scenario.name}${repeats > 1 ? ` #${repeat}` : ''} × ${target}: one at a time ${serial.medianMs.toFixed(1)} ms; loaded ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms${result.non2xx > 0 ? `, ${result.non2xx} non-2xx` : ''}${result.timeouts > 0 ? `, ${result.timeouts} timeouts` : ''}`,
        );
      }
    }
  }
  return measurements;
}

/** The page+count floor is the page floor asked for an exact total. */
function forTarget(requests: readonly LoadRequest[], target: TargetName): LoadRequest[] {
  if (target !== 'page-floor+count') return [...requests];
  return requests.map((request) => ({ ...request, headers: { ...request.headers, 'x-bench-total': 'exact' } }));
}

/**
 * Waits until the database runs nothing but us. A server that was sent more than it could
 * answer keeps working through its backlog after autocannon has gone (nothing cancels a
 * request whose client left); the next target must not be measured against that backlog.
 */
async function quiesce(pool: Pool, maxWaitMs = 120_000): Promise<void> {
  const deadline = Date.now() + maxWaitMs;
  let idleSince: number | undefined;
  while (Date.now() < deadline) {
    const busy = await pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_stat_activity
        WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`,
    );
    if (Number(busy.rows[0]?.n ?? 0) === 0) {
      idleSince ??= Date.now();
      if (Date.now() - idleSince >= 500) return;
    } else {
      idleSince = undefined;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  log('the database is still busy after 2 minutes; measuring anyway');
}

/** Median time of requests sent one at a time (rotating through the scenario's requests). */
async function serialLatency(
  baseUrl: string,
  requests: readonly LoadRequest[],
  freshIds: boolean,
  count: number,
): Promise<SerialLatency> {
  const times: number[] = [];
  for (let n = 0; n < count; n++) {
    const request = requests[n % requests.length];
    if (request === undefined) break;
    const body = freshIds && request.body !== undefined ? withFreshIds(request.body) : request.body;
    const started = process.hrtime.bigint();
    const response = await fetch(`${baseUrl}${request.path}`, {
      method: request.method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...request.headers },
      ...(body === undefined ? {} : { body }),
    });
    await response.arrayBuffer();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)] ?? NaN, samples: times.length };
}

async function probe(baseUrl: string, request: LoadRequest | undefined, freshIds: boolean): Promise<number> {
  if (request === undefined) return 0;
  const body = freshIds && request.body !== undefined ? withFreshIds(request.body) : request.body;
  try {
    const response = await fetch(`${baseUrl}${request.path}`, {
      method: request.method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...request.headers },
      ...(body === undefined ? {} : { body }),
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

/** The cursor computed from the data must land where the API's own walk would. */
async function checkCursor(baseUrl: string, fixtures: Fixtures, token: string): Promise<string> {
  const response = await fetch(
    `${baseUrl}/api/crm/contacts?organizationId=${fixtures.organizationId}&limit=25&cursor=${fixtures.cursor}`,
    { headers: { authorization: `Bearer ${token}` } },
  );
  if (!response.ok) return `not available yet (HTTP ${response.status})`;
  const page = (await response.json()) as { items?: Array<{ id?: string }> };
  const first = page.items?.[0]?.id;
  return first === fixtures.cursorFirstId
    ? `the API's page ${fixtures.cursorPage} starts at the expected contact`
    : `MISMATCH: the API's page ${fixtures.cursorPage} starts at ${first ?? 'nothing'}, expected ${fixtures.cursorFirstId}`;
}

async function explainScenarios(
  pool: Pool,
  captured: readonly CapturedScenario[],
  pageFloor: ServerProcess,
  scenarios: readonly Scenario[],
): Promise<ScenarioPlans[]> {
  const plans: ScenarioPlans[] = [];
  for (const scenario of scenarios) {
    const apiCapture = captured.find((candidate) => candidate.scenario === scenario.name);
    const request = firstRequest(scenario);
    plans.push({
      scenario: scenario.name,
      api: apiCapture === undefined ? [] : await explainApiStatements(pool, apiCapture),
      pageFloor: await explainPageFloor(pageFloor.baseUrl, request),
    });
  }
  return plans;
}

async function measureExports(
  options: BenchOptions,
  pool: Pool,
  api: ServerProcess,
  fixtures: Fixtures,
  token: string,
): Promise<ExportMeasurement[]> {
  log('export: API CSV of the big tenant');
  const fromApi = await measureApiExport(api, '/api/crm/contacts?format=csv', token);
  log('export: psql \\copy of the same rows');
  const organizations = await pool.query<{ id: string }>(
    `SELECT id FROM organization WHERE tenant_id = $1 AND deleted_at IS NULL`,
    [fixtures.tenantId],
  );
  const select = exportSelectSql(
    fixtures.tenantId,
    organizations.rows.map((row) => row.id),
  );
  const fromPsql = await measurePsqlCopy(options.databaseUrl, select);
  return [fromApi, fromPsql];
}

/** Concurrent creates in the lists' organization with and without the counters (servers stopped). */
/** Events per second through the relay; a NATS that cannot be reached is reported, not fatal. */
async function measureRelay(options: BenchOptions): Promise<RelayThroughput | string> {
  const events = options.quick ? 1_000 : 20_000;
  try {
    const result = await measureRelayThroughput(options.databaseUrl, options.natsUrl, events);
    log(`relay: ${result.relayPerSecond} events/s; bare publisher ${result.barePublisherPerSecond}/s`);
    return result;
  } catch (failure) {
    const reason = failure instanceof Error ? failure.message : String(failure);
    log(`relay: not measured (${reason})`);
    return `not measured: ${reason}`;
  }
}

function measureCounterContention(options: BenchOptions, fixtures: Fixtures): Promise<ContentionMeasurement> {
  return measureContention(
    options.databaseUrl,
    { tenantId: fixtures.tenantId, organizationId: fixtures.organizationId },
    { writers: 16, seconds: options.quick ? 2 : 5, holdMs: 2 },
    log,
  );
}

/**
 * The list scenario on the embedded default (the built app without DATABASE_URL, on a copy
 * of generated data) and, for a fair ratio, on a PostgreSQL database generated at the same size.
 */
async function measureEmbedded(core: BuiltCore, options: BenchOptions): Promise<EmbeddedComparison | string> {
  const contacts = options.embeddedContacts;
  const copy = await prepareEmbeddedCopy(core, contacts, options.seed, log);
  const twinUrl = withDatabaseName(options.databaseUrl, `${new URL(options.databaseUrl).pathname.slice(1)}_twin`);
  const twinManifest = await ensureDataset(core, options, twinUrl, contacts);
  const measure = async (api: ServerProcess, manifest: DatasetManifest, label: string): Promise<Measurement> => {
    const token = await login(api.baseUrl, manifest.bigTenant.adminEmail, manifest.password);
    const request: LoadRequest = {
      method: 'GET',
      path: `/api/crm/contacts?organizationId=${manifest.bigOrganization.id}&limit=25`,
      headers: { authorization: `Bearer ${token}` },
    };
    const connections = options.quick ? 10 : options.connections;
    const base = { scenario: 'list', title: 'List contacts, page 1', target: 'api' as const, repeat: 1, connections };
    const status = await probe(api.baseUrl, request, false);
    if (status !== 200) return { ...base, unavailable: `not available yet (HTTP ${status})` };
    if (!options.quick)
      await runLoad({
        url: api.baseUrl,
        requests: [request],
        connections,
        idReplacement: false,
        durationSeconds: WARM_UP_SECONDS,
      });
    const result = await runLoad({
      url: api.baseUrl,
      requests: [request],
      connections,
      idReplacement: false,
      durationSeconds: options.duration,
    });
    log(`list × API on ${label}: ${result.requestsPerSecond.toFixed(0)} req/s, p99 ${result.p99Ms} ms`);
    return { ...base, result };
  };
  let embedded: Measurement;
  const embeddedApi = await startApi({
    port: PORTS.embeddedApi,
    dataDir: copy.dataDir,
    poolSize: options.poolSize,
    logLevel: options.apiLogLevel,
  });
  try {
    embedded = await measure(embeddedApi, copy.manifest, 'the embedded database');
  } finally {
    await embeddedApi.stop();
    await copy.remove();
  }
  const twinApi = await startApi({
    port: PORTS.twinApi,
    databaseUrl: twinUrl,
    poolSize: options.poolSize,
    logLevel: options.apiLogLevel,
  });
  try {
    return { contacts, embedded, postgres: await measure(twinApi, twinManifest, 'PostgreSQL (same size)') };
  } finally {
    await twinApi.stop();
  }
}

/** Requests log in through the API once and again before the token expires. */
class ApiSession {
  private current: { token: string; at: number } | undefined;

  constructor(
    private readonly baseUrl: string,
    private readonly manifest: DatasetManifest,
  ) {}

  async token(): Promise<string> {
    if (this.current === undefined || Date.now() - this.current.at > TOKEN_REFRESH_MS) {
      this.current = {
        token: await login(this.baseUrl, this.manifest.bigTenant.adminEmail, this.manifest.password),
        at: Date.now(),
      };
    }
    return this.current.token;
  }
}

/**
 * Every scenario, in the order they run: the contacts' (issue 12), the sales ones (issue 21),
 * the change feed (issue 23), then the service desk's and billing's (issues 26 and 22).
 */
function benchScenarios(fixtures: Fixtures, token: string): Scenario[] {
  return [
    ...contactScenarios(fixtures, token),
    ...salesScenarios(fixtures, token),
    ...eventScenarios(fixtures, token),
    ...serviceScenarios(fixtures, token),
  ];
}

function selected(scenarios: Scenario[], names: readonly string[] | undefined): Scenario[] {
  if (names === undefined) return scenarios;
  const unknown = names.filter((name) => !scenarios.some((scenario) => scenario.name === name));
  if (unknown.length > 0) {
    throw new Error(`unknown scenario(s) ${unknown.join(', ')}; known: ${scenarios.map((s) => s.name).join(', ')}`);
  }
  return scenarios.filter((scenario) => names.includes(scenario.name));
}

function firstRequest(scenario: Scenario): LoadRequest {
  const request = scenario.requests[0];
  if (request === undefined) throw new Error(`scenario ${scenario.name} has no request`);
  return request;
}

function withFreshIds(body: string): string {
  return body.replace(/\[<id>\]/g, randomUUID().slice(0, 13));
}

/** In full with parameters for `--capture-sql` (to paste into api-sql.ts), else one short line each. */
function printCapture(captured: readonly CapturedScenario[], full: boolean): void {
  for (const scenario of captured) {
    log(
      `SQL of ${scenario.scenario} (HTTP ${scenario.status}): ${scenario.statements.length} statement(s); ${scenario.drift}`,
    );
    for (const statement of scenario.statements) {
      console.log(
        full
          ? `${statement.sql}\n-- parameters: ${JSON.stringify(statement.parameters)}\n`
          : `    ${statement.sql.replace(/\s+/g, ' ').slice(0, 160)}`,
      );
    }
  }
}

async function machineInfo(pool: Pool): Promise<MachineInfo> {
  const version = await pool.query<{ version: string }>('SELECT version()');
  let commit = 'unknown';
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim() !== '';
    commit = `${head}${dirty ? ' (with uncommitted changes)' : ''}`;
  } catch {
    // not a git checkout
  }
  return {
    cpu: cpus()[0]?.model ?? 'unknown CPU',
    cores: cpus().length,
    memoryGb: totalmem() / 1024 ** 3,
    node: process.version,
    postgres: (version.rows[0]?.version ?? 'PostgreSQL ?').replace(/ on .*$/, ''),
    commit,
  };
}

function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password !== '') parsed.password = '***';
  return parsed.toString();
}

function log(message: string): void {
  console.log(`[bench] ${message}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
