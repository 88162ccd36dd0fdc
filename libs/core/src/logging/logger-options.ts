import type { IncomingMessage } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { AppConfig } from '../config/app-config';
import { prettyLogStream } from './pretty-log';

/**
 * Structured JSON logs: one line per request with its id, tenant and status; warnings and
 * errors with context. The tenant id is stamped on the raw request by the auth guard. With
 * `LOG_FORMAT=pretty` (the default on a terminal outside production and CI) the same lines
 * are written one readable line each instead.
 */
export function loggerOptions(config: AppConfig, given?: DestinationStream): Params {
  const destination = given ?? (config.logFormat === 'pretty' ? prettyLogStream() : undefined);
  // Request lines are written at info: below that level pino-http is told to skip them outright,
  // rather than build each line's child logger and bindings only to drop it.
  const requestLines: 'info' | 'silent' = ['trace', 'debug', 'info'].includes(config.logLevel) ? 'info' : 'silent';
  const options = {
    level: config.logLevel,
    customLogLevel: () => requestLines,
    // Inside Nest's middleware `url` may be cut to the mount path; `originalUrl` is the request's.
    autoLogging: {
      ignore: (request: IncomingMessage) =>
        ((request as { originalUrl?: string }).originalUrl ?? request.url ?? '').startsWith('/api/health'),
    },
    customProps: (request: IncomingMessage) => {
      const tenantId = (request as { clienteleTenantId?: string }).clienteleTenantId;
      return tenantId === undefined ? {} : { tenantId };
    },
    serializers: {
      req: (request: { id: unknown; method: unknown; url: unknown }) => ({
        id: request.id,
        method: request.method,
        url: request.url,
      }),
      res: (response: { statusCode: unknown }) => ({ statusCode: response.statusCode }),
    },
  };
  return {
    pinoHttp: destination === undefined ? options : [options, destination],
    // nestjs-pino 4 (kept for Node 20, see docs/architecture.md) defaults to the legacy `*` route,
    // which Nest 12 rewrites with a warning at every start; this is the pattern nestjs-pino 5 uses.
    forRoutes: [{ path: '{/*splat}', method: RequestMethod.ALL }],
  };
}
