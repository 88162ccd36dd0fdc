import { Logger } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { sendProblem } from '../errors/problem.filter';
import type { RateLimiter } from './rate-limiter';

const logger = new Logger('RateLimiter');

/**
 * Counts every request against its client IP before routing, authentication or parsing, so
 * floods of unauthenticated or malformed requests are limited too. Behind a proxy, set
 * `TRUST_PROXY` so `request.ip` is the client's and not the proxy's.
 */
export function installIpRateLimit(fastify: FastifyInstance, limiter: RateLimiter): void {
  if (!limiter.enabled) return;
  fastify.addHook('onRequest', async (request, reply) => {
    try {
      limiter.enforce(reply, await limiter.consume('ip', request.ip));
    } catch (error) {
      sendProblem(error, request, reply, logger);
      return reply;
    }
    return undefined;
  });
}
