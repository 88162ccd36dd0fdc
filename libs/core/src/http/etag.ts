import type { FastifyInstance } from 'fastify';
import { ValidationError } from '../errors/domain-error';

const ENTITY_TAG = /^(?:W\/)?"([^"]*)"$/;

/** The versions `If-Match` lists (`*` matches any), as `findOneForUpdate` compares them; 400 when malformed. */
export function parseIfMatch(header: string): readonly string[] {
  if (header.trim() === '*') return ['*'];
  return header.split(',').map((part) => {
    const match = ENTITY_TAG.exec(part.trim());
    if (match?.[1] === undefined) throw ValidationError.field('If-Match', 'If-Match must list entity tags, e.g. "3"');
    return match[1];
  });
}

/**
 * A response that is one record (`id` + `version`) carries `ETag: "<version>"`. It is a Fastify
 * hook on the body before serialization rather than a Nest interceptor: a route with no
 * interceptor skips Nest's per-request observable chain, which reads never need.
 */
export function installEtag(fastify: FastifyInstance): void {
  fastify.addHook('preSerialization', (_request, reply, payload: unknown, done) => {
    const version = recordVersion(payload);
    if (version !== undefined) void reply.header('ETag', `"${version}"`);
    done(null, payload);
  });
}

function recordVersion(body: unknown): number | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { id, version } = body as { id?: unknown; version?: unknown };
  return typeof id === 'string' && typeof version === 'number' ? version : undefined;
}
