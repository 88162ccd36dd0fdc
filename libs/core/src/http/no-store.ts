import type { FastifyInstance } from 'fastify';

/** Swagger UI, its assets and the OpenAPI document are the same for everyone and may be cached. */
const CACHEABLE_PREFIX = '/api/docs';

/**
 * `Cache-Control: no-store` on every API response that does not set its own: tokens, records,
 * lists, exports and errors carry one tenant's data, which no browser or shared cache may keep
 * (RFC 9111 §5.2.2.5; RFC 6749 §5.1 for token responses).
 */
export function installNoStore(fastify: FastifyInstance): void {
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (!reply.hasHeader('cache-control') && !request.url.startsWith(CACHEABLE_PREFIX)) {
      void reply.header('Cache-Control', 'no-store');
    }
    done(null, payload);
  });
}
