import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config';

/**
 * Structured JSON logs: one line per request with its id, tenant and status; warnings and
 * errors with context. The tenant id is stamped on the raw request by the auth guard.
 */
export function loggerOptions(config: AppConfig): Params {
  // Request lines are written at info: below that level pino-http is told to skip them outright,
  // rather than build each line's child logger and bindings only to drop it.
  const requestLines = ['trace', 'debug', 'info'].includes(config.logLevel) ? 'info' : 'silent';
  return {
    pinoHttp: {
      level: config.logLevel,
      customLogLevel: () => requestLines,
      autoLogging: { ignore: (request: IncomingMessage) => request.url?.startsWith('/api/health') === true },
      customProps: (request: IncomingMessage) => {
        const tenantId = (request as { clienteleTenantId?: string }).clienteleTenantId;
        return tenantId === undefined ? {} : { tenantId };
      },
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      serializers: {
        req: (request: { id: unknown; method: unknown; url: unknown }) => ({
          id: request.id,
          method: request.method,
          url: request.url,
        }),
      },
    },
  };
}
