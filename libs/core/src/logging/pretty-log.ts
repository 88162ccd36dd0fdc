import type { DestinationStream } from 'pino';

/** pino's numeric levels, as a person reads them. */
const LEVELS: Readonly<Record<number, string>> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};
const COLORS: Readonly<Record<string, string>> = {
  TRACE: '\x1b[90m',
  DEBUG: '\x1b[90m',
  INFO: '\x1b[32m',
  WARN: '\x1b[33m',
  ERROR: '\x1b[31m',
  FATAL: '\x1b[41m',
};
const DIM = '\x1b[2m';
const RESET = '\x1b[0m';
/** Fields every pino line has, shown in their own place (or not at all), not as `key=value`. */
const SHOWN = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'context', 'req', 'res', 'responseTime', 'err']);

/**
 * One pino JSON line as one line a person reads: `18:42:07.123 INFO  [Context] message key=value`,
 * a request as `GET /api/crm/contacts → 200 12ms`, an error's stack on the lines below. A line
 * that is not pino JSON passes as it is.
 */
export function formatLogLine(json: string, color = false): string {
  let line: Record<string, unknown>;
  try {
    line = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.endsWith('\n') ? json : `${json}\n`;
  }
  const level = LEVELS[typeof line.level === 'number' ? line.level : 30] ?? 'INFO';
  const paint = (code: string | undefined, text: string): string => (color && code ? `${code}${text}${RESET}` : text);
  const time = typeof line.time === 'number' ? new Date(line.time).toISOString().slice(11, 23) : '';
  const parts = [paint(DIM, time), paint(COLORS[level], level.padEnd(5))];
  if (typeof line.context === 'string') parts.push(paint(DIM, `[${line.context}]`));
  const req = line.req as { id?: unknown; method?: unknown; url?: unknown } | undefined;
  const res = line.res as { statusCode?: unknown } | undefined;
  if (line.msg === 'request completed' && req !== undefined) {
    const took = typeof line.responseTime === 'number' ? ` ${Math.round(line.responseTime)}ms` : '';
    parts.push(`${String(req.method)} ${String(req.url)} → ${String(res?.statusCode)}${took}`);
  } else if (typeof line.msg === 'string') {
    parts.push(line.msg);
  }
  const extras = Object.entries(line)
    .filter(([key]) => !SHOWN.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  if (typeof req?.id === 'string' || typeof req?.id === 'number') extras.push(`req=${req.id}`);
  if (extras.length > 0) parts.push(paint(DIM, extras.join(' ')));
  const err = line.err as { stack?: unknown; message?: unknown } | undefined;
  const stack = typeof err?.stack === 'string' ? `\n${err.stack}` : '';
  return `${parts.join(' ')}${stack}\n`;
}

/**
 * Nest's start-up wiring, one info line per module and route (about a hundred): kept in JSON
 * logs, left out of the terminal's so the lines that matter stay on screen.
 */
const WIRING_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

function isWiring(chunk: string): boolean {
  const context = /"context":"([A-Za-z]+)"/.exec(chunk)?.[1];
  return context !== undefined && WIRING_CONTEXTS.has(context) && chunk.includes('"level":30');
}

/** A pino destination that writes `formatLogLine`'s lines to `out` (the terminal, by default). */
export function prettyLogStream(
  out: { write(text: string): unknown; isTTY?: boolean } = process.stdout,
): DestinationStream {
  const color = out.isTTY === true && process.env.NO_COLOR === undefined;
  return {
    write: (chunk: string) => {
      if (!isWiring(chunk)) out.write(formatLogLine(chunk.trimEnd(), color));
    },
  };
}
