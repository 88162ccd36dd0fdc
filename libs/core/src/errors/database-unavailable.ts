import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';

/**
 * SQLSTATEs that say the server, not the statement, is the problem: connection exceptions
 * (class 08), the server ending the session (57P01 `pg_terminate_backend` or a fast shutdown,
 * 57P02 crash, 57P03 still starting), and too many connections (53300).
 */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);
/** Socket errors of the driver reaching the server. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** node-postgres reports a lost connection or a pool wait that timed out with these messages only. */
const LOST_CONNECTION =
  /^(Connection terminated( unexpectedly| due to connection timeout)?|timeout exceeded when trying to connect|Client has encountered a connection error and is not queryable)$/;

/**
 * True when `error` means the database could not be reached or dropped the connection — a
 * failover, a restart, a terminated backend — rather than anything about the request. The API
 * answers 503 `DATABASE_UNAVAILABLE` with Retry-After; the pool replaces the connection, so a
 * retry a moment later succeeds.
 *
 * A connection lost between two statements of a transaction is released by TypeORM at once, so
 * the transaction's next statement fails with "query runner already released": that is the
 * same lost connection (the app never keeps a transaction's manager past its transaction).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof QueryRunnerAlreadyReleasedError || error instanceof QueryRunnerProviderAlreadyReleasedError) {
    return true;
  }
  const cause = error instanceof QueryFailedError ? (error.driverError as unknown) : error;
  if (!(cause instanceof Error)) return false;
  const code = (cause as { code?: unknown }).code;
  if (typeof code === 'string' && (code.startsWith('08') || UNAVAILABLE_STATES.has(code) || SOCKET_CODES.has(code))) {
    return true;
  }
  return LOST_CONNECTION.test(cause.message);
}
