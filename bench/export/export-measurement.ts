import { spawn } from 'node:child_process';
import type { ServerProcess } from '../targets/server-process';

export interface ExportMeasurement {
  readonly source: string;
  readonly unavailable?: string;
  readonly seconds?: number;
  readonly bytes?: number;
  readonly rows?: number;
  readonly rssBeforeMb?: number;
  readonly peakRssMb?: number;
}

/**
 * Streams the API's CSV export to nowhere, counting bytes and rows, while the API process's
 * resident memory is sampled; its peak (VmHWM, reset first) is the number that must stay flat.
 */
export async function measureApiExport(
  api: ServerProcess,
  path: string,
  accessToken: string,
): Promise<ExportMeasurement> {
  const source = `API GET ${path.replace(/\?.*$/, '')}?format=csv`;
  const peakReset = api.resetPeak();
  const before = api.memory();
  let peakKb = before.rssKb;
  const sampler = setInterval(() => {
    peakKb = Math.max(peakKb, api.memory().rssKb);
  }, 50);
  const started = process.hrtime.bigint();
  try {
    const response = await fetch(`${api.baseUrl}${path}`, { headers: { authorization: `Bearer ${accessToken}` } });
    if (!response.ok || response.body === null) {
      await response.arrayBuffer().catch(() => undefined);
      return { source, unavailable: `not available yet (HTTP ${response.status})` };
    }
    const { bytes, rows } = await count(response.body);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const after = api.memory();
    peakKb = Math.max(peakKb, after.rssKb, peakReset ? after.peakKb : 0);
    return { source, seconds, bytes, rows, rssBeforeMb: before.rssKb / 1024, peakRssMb: peakKb / 1024 };
  } finally {
    clearInterval(sampler);
  }
}

/** `psql -c "\copy (<select>) TO STDOUT CSV HEADER"`: the database's own export speed, the yardstick. */
export async function measurePsqlCopy(databaseUrl: string, select: string): Promise<ExportMeasurement> {
  const source = 'psql \\copy (same SELECT) TO STDOUT CSV';
  const started = process.hrtime.bigint();
  const child = spawn(
    'psql',
    [databaseUrl, '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-c', `\\copy (${select}) TO STDOUT WITH (FORMAT csv, HEADER)`],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const counting = count(child.stdout);
  const code = await new Promise<number | null>((resolve) => {
    child.once('close', resolve);
    // psql missing from the PATH: say so in the report rather than crash the run.
    child.once('error', (error) => {
      stderr += error.message;
      resolve(-1);
    });
  });
  const { bytes, rows } = await counting;
  if (code !== 0) return { source, unavailable: `psql failed: ${stderr.trim() || `exit ${code}`}` };
  return { source, seconds: Number(process.hrtime.bigint() - started) / 1e9, bytes, rows };
}

/** Bytes and CSV records (lines, less the header; quoted newlines are rare enough here). */
async function count(stream: AsyncIterable<Uint8Array>): Promise<{ bytes: number; rows: number }> {
  let bytes = 0;
  let lines = 0;
  for await (const chunk of stream) {
    bytes += chunk.length;
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
  }
  return { bytes, rows: Math.max(0, lines - 1) };
}
