import type { BenchOptions } from '../bench-options';
import type { CapturedScenario } from '../capture/capture-api-sql';
import type { ScenarioPlans } from '../explain/explain-plans';
import type { ContentionMeasurement } from '../contention/contention-measurement';
import type { RelayThroughput } from '../relay/relay-throughput';
import type { ExportMeasurement } from '../export/export-measurement';
import type { DatasetManifest } from '../generate/dataset-manifest';
import type { Fixtures } from '../scenarios/fixtures';
import type { LoadResult } from '../load/load-run';
import type { Measurement } from './measurement';

export interface MachineInfo {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly node: string;
  readonly postgres: string;
  readonly commit: string;
}

export interface EmbeddedComparison {
  readonly contacts: number;
  readonly embedded: Measurement;
  readonly postgres: Measurement;
}

export interface RunReport {
  readonly startedAt: Date;
  readonly finishedAt: Date;
  readonly options: BenchOptions;
  readonly machine: MachineInfo;
  readonly manifest: DatasetManifest;
  readonly fixtures: Fixtures;
  readonly measurements: readonly Measurement[];
  readonly cursorCheck: string;
  readonly embedded?: EmbeddedComparison | string;
  readonly exports: readonly ExportMeasurement[];
  readonly contention?: ContentionMeasurement;
  /** The relay measurement, or why it did not run. */
  readonly relay?: RelayThroughput | string;
  readonly captured: readonly CapturedScenario[];
  readonly plans: readonly ScenarioPlans[];
}

/** The results as markdown: what ran, on what, the table with ratios, then the evidence. */
export function renderReport(report: RunReport): string {
  const { options, machine, manifest, fixtures } = report;
  const lines: string[] = [];
  lines.push(`# Bench run ${report.startedAt.toISOString()}${options.quick ? ' (quick)' : ''}`, '');
  lines.push(
    `- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb.toFixed(0)} GB; Node ${machine.node}; ${machine.postgres}`,
    `- Commit: ${machine.commit}`,
    `- Command: \`npm run bench --${options.quick ? ' --quick' : ''}\` (${options.duration} s per run, ${options.connections} connections unless stated, pool ${options.poolSize} for the API and each floor, API LOG_LEVEL=${options.apiLogLevel})`,
    `- Data: ${manifest.contacts.toLocaleString('en')} contacts (${manifest.counts.deletedContacts.toLocaleString('en')} soft-deleted), ${manifest.customers.toLocaleString('en')} customers, 20 tenants × 5 organizations, seed ${manifest.seed}; ${manifest.counts.deals.toLocaleString('en')} deals, ${manifest.counts.activities.toLocaleString('en')} activities, ${manifest.counts.notes.toLocaleString('en')} notes, ${manifest.counts.tickets.toLocaleString('en')} tickets, ${manifest.counts.invoices.toLocaleString('en')} invoices; big tenant ${manifest.bigTenant.contacts.toLocaleString('en')} contacts; its biggest organization ${fixtures.organizationContacts.toLocaleString('en')} live contacts (the lists' organization)`,
    `- Duration: ${((report.finishedAt.getTime() - report.startedAt.getTime()) / 1000).toFixed(0)} s`,
    '',
  );
  lines.push('## Throughput and latency', '');
  lines.push(
    '**1 req ms** is the median of 31 requests (3 with --quick) sent one at a time after the warm-up and before the measured load: what one request costs on an idle, warm server.',
    '',
  );
  lines.push(
    'Floors: **page** = bare node:http + pg, only the SQL that serves the page (`total` null); **page+count** = the same plus an exact `count(*)` for `total`; **same-SQL** = exactly the statements the API issues (bench/floors/api-sql.ts). Ratios are API ÷ floor from the same repeat.',
    '',
  );
  lines.push(
    '| scenario | target | 1 req ms | req/s | p50 ms | p99 ms | non-2xx | req/s ÷ page | p99 ÷ page | req/s ÷ page+count | req/s ÷ same-SQL |',
  );
  lines.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const m of report.measurements) lines.push(row(m, report.measurements));
  lines.push('', `Cursor check: ${report.cursorCheck}`, '');
  lines.push(...targetsSection(report), '');
  lines.push(...embeddedSection(report.embedded), '');
  lines.push(...exportSection(report.exports), '');
  lines.push(...contentionSection(report.contention), '');
  lines.push(...relaySection(report.relay), '');
  lines.push('## SQL the API issued (query log) and the same-SQL floor', '');
  for (const captured of report.captured) {
    lines.push(`### ${captured.scenario} — HTTP ${captured.status}; ${captured.drift}`, '', '```sql');
    for (const statement of captured.statements) {
      lines.push(
        `${statement.sql}${statement.parameters.length > 0 ? `\n-- parameters: ${JSON.stringify(statement.parameters)}` : ''};`,
      );
    }
    lines.push('```', '');
  }
  lines.push('## EXPLAIN (ANALYZE, BUFFERS)', '');
  for (const plans of report.plans) {
    lines.push(`### ${plans.scenario}`, '');
    for (const [who, statements] of [
      ['API', plans.api],
      ['page floor (with exact count)', plans.pageFloor],
    ] as const) {
      for (const statement of statements) {
        lines.push(`${who}:`, '', '```sql', statement.sql.trim(), '```', '', '```', statement.plan, '```', '');
      }
    }
  }
  return lines.join('\n');
}

function row(m: Measurement, all: readonly Measurement[]): string {
  const name = m.repeat > 1 ? `${m.scenario} (run ${m.repeat})` : m.scenario;
  const target = m.connections === 50 ? m.target : `${m.target} (${m.connections} conn.)`;
  const serial = m.serial === undefined ? '' : m.serial.medianMs.toFixed(1);
  if (m.result === undefined) return `| ${name} | ${target} | | ${m.unavailable ?? 'not run'} | | | | | | | |`;
  const r = m.result;
  if (r.requests === 0) {
    return `| ${name} | ${target} | ${serial} | none answered within autocannon's 10 s timeout (${r.errors} errors) | | | | | | | |`;
  }
  const answered = (target: Measurement['target']): LoadResult | undefined => {
    const peer = all.find((o) => o.scenario === m.scenario && o.repeat === m.repeat && o.target === target)?.result;
    return peer !== undefined && peer.requests > 0 ? peer : undefined;
  };
  const page = answered('page-floor');
  const pageCount = answered('page-floor+count');
  const same = answered('same-sql-floor');
  const ratio = (a: number, b: number | undefined): string =>
    b === undefined || b === 0 ? '' : `${(a / b).toFixed(2)}×`;
  const isFloor = m.target !== 'api';
  const failures = [r.non2xx > 0 ? `${r.non2xx}` : '', r.errors > 0 ? `${r.errors} errors` : ''].filter(
    (x) => x !== '',
  );
  return [
    '',
    name,
    target,
    serial,
    r.requestsPerSecond.toFixed(0),
    r.p50Ms.toFixed(1),
    r.p99Ms.toFixed(1),
    failures.length === 0 ? '0' : failures.join(' + '),
    m.target === 'page-floor' ? '1×' : ratio(r.requestsPerSecond, page?.requestsPerSecond),
    m.target === 'page-floor' ? '1×' : ratio(r.p99Ms, page?.p99Ms),
    isFloor ? '' : ratio(r.requestsPerSecond, pageCount?.requestsPerSecond),
    isFloor ? '' : ratio(r.requestsPerSecond, same?.requestsPerSecond),
    '',
  ]
    .join(' | ')
    .trim();
}

function targetsSection(report: RunReport): string[] {
  const api = (scenario: string): Measurement['result'] => floor(scenario, 'api');
  function floor(scenario: string, target: Measurement['target']): Measurement['result'] {
    const found = report.measurements.find(
      (m) => m.scenario === scenario && m.target === target && m.result !== undefined,
    );
    if (found?.result === undefined) return undefined;
    // Nothing answered within the timeout: as slow as can be measured, not "no data".
    return found.result.requests === 0 ? { ...found.result, requestsPerSecond: 0, p99Ms: Infinity } : found.result;
  }
  const lines = ['## Issue 12 targets (first run of each)', ''];
  const verdict = (ok: boolean | undefined): string => (ok === undefined ? 'n/a' : ok ? 'met' : 'short');
  for (const scenario of ['list', 'list-filtered']) {
    const a = api(scenario);
    const p = floor(scenario, 'page-floor');
    const ok = a && p ? a.requestsPerSecond >= 0.6 * p.requestsPerSecond && a.p99Ms <= 2 * p.p99Ms : undefined;
    lines.push(
      `- ${scenario}: API ≥ 0.6× page floor req/s and p99 ≤ 2× — ${verdict(ok)}${a && p ? ` (${(a.requestsPerSecond / p.requestsPerSecond).toFixed(2)}×, p99 ${(a.p99Ms / p.p99Ms).toFixed(1)}×)` : ''}`,
    );
  }
  const cursor = api('list-cursor');
  const first = api('list');
  const serial = (scenario: string): number | undefined =>
    report.measurements.find((m) => m.scenario === scenario && m.target === 'api' && m.serial !== undefined)?.serial
      ?.medianMs;
  const cursorSerial = serial('list-cursor');
  const firstSerial = serial('list');
  const loaded =
    cursor && first && first.requestsPerSecond > 0 ? cursor.requestsPerSecond / first.requestsPerSecond : undefined;
  const alone = cursorSerial !== undefined && firstSerial !== undefined ? cursorSerial / firstSerial : undefined;
  lines.push(
    `- cursor page ${report.fixtures.cursorPage.toLocaleString('en')} as fast as page 1 (±20%) — ${verdict(
      loaded === undefined && alone === undefined
        ? undefined
        : Math.abs((loaded ?? 1) - 1) <= 0.2 && Math.abs((alone ?? 1) - 1) <= 0.2,
    )} (req/s ${loaded === undefined ? 'n/a' : `${loaded.toFixed(2)}×`}, one request alone ${alone === undefined ? 'n/a' : `${alone.toFixed(2)}×`} the time of page 1's)`,
  );
  const search = api('search');
  const searchSame = floor('search', 'same-sql-floor');
  lines.push(
    `- search p99 within 2× the same-SQL floor's — ${verdict(search && searchSame ? search.p99Ms <= 2 * searchSame.p99Ms : undefined)}${search && searchSame ? ` (${(search.p99Ms / searchSame.p99Ms).toFixed(1)}×)` : ''}`,
  );
  const [apiExport, psql] = report.exports;
  if (
    apiExport?.seconds !== undefined &&
    psql?.seconds !== undefined &&
    apiExport.bytes !== undefined &&
    psql.bytes !== undefined
  ) {
    const rate =
      apiExport.rows !== undefined && psql.rows !== undefined
        ? apiExport.rows / apiExport.seconds / (psql.rows / psql.seconds)
        : 0;
    const growth = (apiExport.peakRssMb ?? 0) - (apiExport.rssBeforeMb ?? 0);
    lines.push(
      `- export ≥ 0.5× psql COPY rows/s — ${verdict(rate >= 0.5)} (${rate.toFixed(2)}×); RSS growth < 100 MB — ${verdict(growth < 100)} (${growth.toFixed(0)} MB)`,
    );
  } else {
    lines.push('- export — n/a');
  }
  if (typeof report.embedded === 'object' && report.embedded.embedded.result && report.embedded.postgres.result) {
    const r = report.embedded.embedded.result.requestsPerSecond / report.embedded.postgres.result.requestsPerSecond;
    lines.push(
      `- embedded list ≥ 0.3× the API on PostgreSQL (same data size) — ${verdict(r >= 0.3)} (${r.toFixed(2)}×)`,
    );
  } else {
    lines.push('- embedded — n/a');
  }
  lines.push('', '## Issue 21 targets (first run of each)', '');
  for (const scenario of ['deal-board', 'deal-list', 'timeline']) {
    const a = api(scenario);
    const p = floor(scenario, 'page-floor');
    lines.push(
      `- ${scenario}: API ≥ 0.6× page floor req/s — ${verdict(a && p ? a.requestsPerSecond >= 0.6 * p.requestsPerSecond : undefined)}${a && p ? ` (${(a.requestsPerSecond / p.requestsPerSecond).toFixed(2)}×)` : ''}`,
    );
  }

  return lines;
}

function embeddedSection(embedded: RunReport['embedded']): string[] {
  const lines = ['## Embedded database (PGlite) — list page 1', ''];
  if (embedded === undefined) return [...lines, 'Not run.'];
  if (typeof embedded === 'string') return [...lines, embedded];
  lines.push(
    `Both on the same generated data (${embedded.contacts.toLocaleString('en')} contacts, same seed): the built app without DATABASE_URL on a copy of the embedded data, and the built app on a PostgreSQL database of the same size.`,
    '',
    '| database | req/s | p50 ms | p99 ms | non-2xx |',
    '|---|---:|---:|---:|---:|',
  );
  for (const [label, m] of [
    ['embedded (PGlite)', embedded.embedded],
    ['PostgreSQL 15', embedded.postgres],
  ] as const) {
    const r = m.result;
    lines.push(
      r === undefined
        ? `| ${label} | ${m.unavailable ?? 'not run'} | | | |`
        : `| ${label} | ${r.requestsPerSecond.toFixed(0)} | ${r.p50Ms.toFixed(1)} | ${r.p99Ms.toFixed(1)} | ${r.non2xx} |`,
    );
  }
  return lines;
}

function contentionSection(contention: ContentionMeasurement | undefined): string[] {
  const lines = ['## Concurrent creates in one organization (counter contention)', ''];
  if (contention === undefined) return [...lines, 'Not run (`--no-contention`).'];
  lines.push(
    "Straight SQL: each writer inserts a contact and holds its transaction open briefly (the rest of a create), with its own status so only the organization's `record_count` rows are shared.",
    '',
    '| counters | writers | seconds | creates | creates/s | ÷ no counters |',
    '|---|---:|---:|---:|---:|---:|',
  );
  const base = contention.runs.find((run) => run.mode === 'no counters')?.createsPerSecond ?? 0;
  for (const run of contention.runs) {
    lines.push(
      `| ${run.mode} | ${run.writers} | ${run.seconds.toFixed(1)} | ${run.creates.toLocaleString('en')} | ${run.createsPerSecond.toFixed(0)} | ${base > 0 ? (run.createsPerSecond / base).toFixed(2) : ''} |`,
    );
  }
  return lines;
}

function relaySection(relay: RelayThroughput | string | undefined): string[] {
  const lines = ['## Events through the outbox relay to JetStream', ''];
  if (relay === undefined) return [...lines, 'Not run (`--no-relay`).'];
  if (typeof relay === 'string') return [...lines, relay];
  return [
    ...lines,
    `${relay.events.toLocaleString('en')} outbox rows inserted at once, then sequenced and published by the app's relay (\`OutboxRelayJob\` with the real \`JetStreamPublisher\`) until every one was acked; against the same number of messages of the same size published and acked one at a time by a bare \`js.publish\` loop.`,
    '',
    '| path | events/s | ÷ bare publisher |',
    '|---|---:|---:|',
    `| relay (outbox insert → JetStream ack) | ${relay.relayPerSecond.toLocaleString('en')} | ${(relay.relayPerSecond / relay.barePublisherPerSecond).toFixed(2)}× |`,
    `| bare publisher | ${relay.barePublisherPerSecond.toLocaleString('en')} | 1× |`,
  ];
}

function exportSection(exports: readonly ExportMeasurement[]): string[] {
  const lines = ['## CSV export of the big tenant', ''];
  if (exports.length === 0) return [...lines, 'Not run.'];
  lines.push(
    '| source | rows | MB | seconds | rows/s | MB/s | RSS before MB | peak RSS MB | growth MB |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const e of exports) {
    if (e.seconds === undefined || e.bytes === undefined || e.rows === undefined) {
      lines.push(`| ${e.source} | ${e.unavailable ?? 'not run'} | | | | | | | |`);
      continue;
    }
    const mb = e.bytes / 1_048_576;
    lines.push(
      `| ${e.source} | ${e.rows.toLocaleString('en')} | ${mb.toFixed(1)} | ${e.seconds.toFixed(2)} | ${(e.rows / e.seconds).toFixed(0)} | ${(mb / e.seconds).toFixed(1)} | ${e.rssBeforeMb?.toFixed(0) ?? ''} | ${e.peakRssMb?.toFixed(0) ?? ''} | ${e.peakRssMb !== undefined && e.rssBeforeMb !== undefined ? (e.peakRssMb - e.rssBeforeMb).toFixed(0) : ''} |`,
    );
  }
  return lines;
}
