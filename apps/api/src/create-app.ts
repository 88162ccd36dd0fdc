import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type AppConfig, setupSwagger } from '@clientele/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** Builds the HTTP app (Fastify, `/api` prefix, problem+json errors, Swagger) without listening. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    requestIdHeader: false,
    genReqId: (request: IncomingMessage) => {
      const header = request.headers['x-request-id'];
      return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(config), adapter, {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  if (config.corsOrigins.length > 0) {
    app.enableCors({ origin: [...config.corsOrigins], credentials: true, exposedHeaders: ['ETag', 'X-Request-Id'] });
  }
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('X-Request-Id', request.id);
  });
  setupSwagger(app);
  await app.init();
  await fastify.ready();
  return app;
}
