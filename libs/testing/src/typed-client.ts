import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * Whether `@clientele/client` can load here: its one dependency, openapi-fetch, is installed
 * (`npm ci`). `TYPED_CLIENT=1` says so for a checkout that provides it otherwise.
 */
export const TYPED_CLIENT_AVAILABLE =
  process.env.TYPED_CLIENT === '1' ||
  existsSync(resolve(__dirname, '../../../node_modules/openapi-fetch/package.json'));

/**
 * A `fetch` that hands each request to the in-process app (`inject`): the typed client talks to
 * a test app without it listening on a port.
 */
export function injectFetch(app: NestFastifyApplication): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const payload = request.body === null ? undefined : Buffer.from(await request.arrayBuffer());
    const response = await app.inject({
      method: request.method as 'GET',
      url: `${url.pathname}${url.search}`,
      headers: Object.fromEntries(request.headers.entries()),
      ...(payload === undefined ? {} : { payload }),
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(response.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : String(value));
    }
    const empty = response.statusCode === 204 || response.statusCode === 304 || response.rawPayload.length === 0;
    return new Response(empty ? null : new Uint8Array(response.rawPayload), { status: response.statusCode, headers });
  };
}
