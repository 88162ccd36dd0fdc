import type { LoggerService } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { ClsServiceManager } from 'nestjs-cls';
import pino, { type DestinationStream, type Level, type Logger } from 'pino';
import type { AppConfig } from '../config/app-config';
import type { ClienteleStore } from '../tenancy/request-context';

/** The tenant id the auth guard stamps on the raw request, for the request's log line. */
export interface TenantStampedRequest {
  clienteleTenantId?: string;
}

/**
 * Nest's logger, written as pino JSON lines. Lines written while a request is served carry its
 * id and tenant (read from CLS), so one grep follows a request through the logs.
 */
export class AppLogger implements LoggerService {
  readonly pino: Logger;

  constructor(config: Pick<AppConfig, 'logLevel'>, destination?: DestinationStream) {
    this.pino = pino({ level: config.logLevel }, destination);
  }

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  /**
   * Nest passes `(message, ...params, context)`: an Error, a pino-style object with an optional
   * message, or a string with (for errors) a stack.
   */
  private write(level: Level, message: unknown, params: readonly unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const rest = [...params];
    const context = rest.length > 0 && typeof rest.at(-1) === 'string' ? (rest.pop() as string) : undefined;
    const bindings = { ...requestBindings(), ...(context === undefined ? {} : { context }) };
    const text = rest.filter((part): part is string => typeof part === 'string').join(' ');
    if (message instanceof Error) {
      this.pino[level]({ ...bindings, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.pino[level]({ ...bindings, ...message }, text === '' ? undefined : text);
    } else if (level === 'error' && text !== '') {
      this.pino.error({ ...bindings, stack: text }, String(message));
    } else {
      this.pino[level](bindings, String(message));
    }
  }
}

function requestBindings(): { reqId?: string; tenantId?: string } {
  const cls = ClsServiceManager.getClsService<ClienteleStore>();
  if (!cls.isActive()) return {};
  const reqId = cls.get('requestId');
  const tenantId = cls.get('scope')?.tenantId;
  return { ...(reqId === undefined ? {} : { reqId }), ...(tenantId === undefined ? {} : { tenantId }) };
}

/**
 * One info line per answered request (id, method, url, status, milliseconds, tenant), from a
 * Fastify hook; nothing at all is built when the level is above info. Health probes are skipped.
 */
export function installRequestLog(fastify: FastifyInstance, logger: AppLogger): void {
  if (!logger.pino.isLevelEnabled('info')) return;
  fastify.addHook('onResponse', (request, reply, done) => {
    if (!request.url.startsWith('/api/health')) {
      const { clienteleTenantId } = request.raw as TenantStampedRequest;
      logger.pino.info(
        {
          reqId: request.id,
          method: request.method,
          url: request.url,
          statusCode: reply.statusCode,
          responseTime: Math.round(reply.elapsedTime),
          ...(clienteleTenantId === undefined ? {} : { tenantId: clienteleTenantId }),
        },
        'request completed',
      );
    }
    done();
  });
}
