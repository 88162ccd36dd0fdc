import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built web console (`apps/console/dist`: index.html and hashed assets) at `/`.
 * One route per file found at start (`wildcard: false`), so every other path still reaches the
 * API's own 404; nothing is registered when the console was not built, and the API works as
 * before. The console routes by URL hash, so no fallback to index.html is needed. The hashed
 * assets never change and may be cached for a year; index.html is revalidated every time.
 */
export async function installConsole(fastify: FastifyInstance, directory: string): Promise<boolean> {
  const root = resolve(directory);
  if (!existsSync(join(root, 'index.html'))) return false;
  await fastify.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: 'index.html',
    cacheControl: false,
    setHeaders: (reply, path) => {
      const immutable = path.startsWith(join(root, 'assets'));
      void reply.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return true;
}
