import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  type AppConfig,
  clientErrorHandler,
  depthLimitedJsonParser,
  Idempotency,
  installConsole,
  installEtag,
  installIdempotency,
  installIpRateLimit,
  installNoStore,
  installTextInputRule,
  RateLimiter,
  sendProblem,
  setupSwagger,
} from '@clientele/core';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * How long a client may take, so slow or idle connections cannot pile up (README › Limits):
 * the request line and headers within 10 s (slowloris), the whole request with its body within
 * 30 s, no socket silent for 60 s, an idle keep-alive connection kept 72 s (longer than the 60 s
 * of common load balancers, so they close first). Node checks the first two every 2 s.
 */
export const HTTP_LIMITS = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  connectionTimeoutMs: 60_000,
  keepAliveTimeoutMs: 72_000,
  maxHeaderBytes: 16_384,
} as const;
const routerLogger = new NestLogger('Router');

/** Builds the HTTP app (Fastify, `/api` prefix, problem+json errors, Swagger) without listening. */
export async function createApp(
  config: AppConfig,
  /** Where log lines go instead of stdout (tests read them). */
  logDestination?: DestinationStream,
): Promise<NestFastifyApplication> {
  // Security headers on every response. helmet's headers depend only on its options, so its
  // middleware runs once here and every reply gets the headers it set (@fastify/helmet rebuilt
  // the middleware, parsing the CSP, on every request). The CSP suits JSON and the Swagger UI
  // page, whose scripts are files of its own ('self') but whose styles are partly inline.
  const securityHeaders = Object.entries(
    headersSetBy(
      helmet({
        contentSecurityPolicy: {
          directives: {
            defaultSrc: ["'self'"],
            scriptSrc: ["'self'"],
            styleSrc: ["'self'", "'unsafe-inline'"],
            imgSrc: ["'self'", 'data:'],
            connectSrc: ["'self'"],
            objectSrc: ["'none'"],
            frameAncestors: ["'none'"],
            baseUri: ["'self'"],
            formAction: ["'self'"],
            // Upgrading to https would break Swagger UI on http://localhost; in production TLS is a given.
            upgradeInsecureRequests: config.env === 'production' ? [] : null,
          },
        },
      }),
    ),
  );
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    connectionTimeout: HTTP_LIMITS.connectionTimeoutMs,
    keepAliveTimeout: HTTP_LIMITS.keepAliveTimeoutMs,
    requestTimeout: HTTP_LIMITS.requestTimeoutMs,
    http: {
      headersTimeout: HTTP_LIMITS.headersTimeoutMs,
      connectionsCheckingInterval: 2_000,
      maxHeaderSize: HTTP_LIMITS.maxHeaderBytes,
    },
    requestIdHeader: false,
    genReqId: (request: IncomingMessage) => {
      const header = request.headers['x-request-id'];
      return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
    trustProxy: config.trustProxy,
    // What Node's parser refuses (431 headers too large, malformed HTTP) as problem+json too.
    clientErrorHandler: clientErrorHandler(securityHeaders),
    // The router's own refusals (a URL that is not UTF-8, an over-long path parameter) skip every
    // hook and the Nest filter; without this they answered Fastify's JSON, not problem+json.
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => {
      for (const [name, value] of securityHeaders) reply.raw.setHeader(name, value);
      void reply.header('X-Request-Id', request.id);
      sendProblem(error, request, reply, routerLogger);
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(config, logDestination), adapter, {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  if (config.corsOrigins.length > 0) {
    app.enableCors({
      origin: [...config.corsOrigins],
      credentials: true,
      exposedHeaders: [
        'ETag',
        'X-Request-Id',
        'RateLimit-Limit',
        'RateLimit-Remaining',
        'RateLimit-Reset',
        'Retry-After',
      ],
    });
  }
  const fastify = app.getHttpAdapter().getInstance();
  app.useBodyParser('application/json', { bodyLimit: config.bodyLimitBytes }, depthLimitedJsonParser(fastify));
  fastify.addHook('onRequest', (request, reply, done) => {
    for (const [name, value] of securityHeaders) reply.raw.setHeader(name, value);
    done();
  });
  installIpRateLimit(fastify, app.get(RateLimiter));
  installTextInputRule(fastify);
  installEtag(fastify);
  installNoStore(fastify);
  installIdempotency(fastify, app.get(Idempotency));
  fastify.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('X-Request-Id', request.id);
    done(null, payload);
  });
  if (config.apiDocsEnabled) setupSwagger(app);
  // The web console at `/`, when it was built (npm ci and npm run build do); the API works without it.
  await installConsole(fastify, config.consoleDir);
  await app.init();
  await fastify.ready();
  return app;
}

/** The headers a response-decorating middleware such as helmet sets, whatever the request. */
function headersSetBy(
  middleware: (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void,
): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: number | string | readonly string[]) => {
      headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name];
    },
  };
  middleware({} as IncomingMessage, response as unknown as ServerResponse, (error) => {
    if (error !== undefined) throw new Error('the security headers middleware failed', { cause: error });
  });
  return headers;
}
