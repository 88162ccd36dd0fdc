import createFetchClient, { type Client } from 'openapi-fetch';
import type { ClienteleEvent } from './events';
import type { paths } from './schema';

/** Every route of the API, typed: `client.GET('/api/crm/contacts/{id}', { params: { path: { id } } })`. */
export type ClienteleClient = Client<paths>;

export interface ClientOptions {
  /** The server's origin, e.g. `https://crm.internal` (paths start with `/api`). */
  readonly baseUrl: string;
  /** An API key (`ck_…`) or an access token; a function is asked before each request. */
  readonly token?: string | (() => string | Promise<string>);
  readonly fetch?: typeof globalThis.fetch;
  readonly headers?: Record<string, string>;
}

export function createClient(options: ClientOptions): ClienteleClient {
  const client = createFetchClient<paths>({
    baseUrl: options.baseUrl,
    headers: options.headers,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });
  const { token } = options;
  if (token !== undefined) {
    client.use({
      async onRequest({ request }) {
        request.headers.set('authorization', `Bearer ${typeof token === 'function' ? await token() : token}`);
        return request;
      },
    });
  }
  return client;
}

export interface ChangeFeedOptions {
  /** Resume after this sequence (the last one you handled); unset → from the oldest kept. */
  readonly after?: string;
  /** Type patterns, e.g. `['contact.*', 'deal.stage_changed']`. */
  readonly types?: readonly string[];
  readonly organizationId?: string;
  readonly limit?: number;
  /** Long-poll seconds when caught up (default 25). */
  readonly wait?: number;
  readonly signal?: AbortSignal;
}

/**
 * The change feed as an endless stream of events in commit order: pages through
 * `GET /api/events`, long-polling once caught up. Store each event's `sequence` after handling
 * it and pass it as `after` to resume. Throws on an error answer (410: `after` is past the retention).
 */
export async function* changeFeed(
  client: ClienteleClient,
  options: ChangeFeedOptions = {},
): AsyncGenerator<ClienteleEvent, void, undefined> {
  let after = options.after;
  while (options.signal?.aborted !== true) {
    const { data, error, response } = await client.GET('/api/events', {
      params: {
        query: {
          after,
          types: options.types?.join(','),
          organizationId: options.organizationId,
          limit: options.limit,
          wait: options.wait ?? 25,
        },
      },
      signal: options.signal,
    });
    if (data === undefined) {
      throw new Error(`GET /api/events answered ${response.status}: ${JSON.stringify(error)}`);
    }
    for (const event of data.items) yield event;
    after = data.nextAfter;
  }
}
