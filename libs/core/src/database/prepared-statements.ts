import type { Client, ClientConfig } from 'pg';
import { GuardedClient } from './guarded-client';

/** Statements one connection prepares at most; any further ones run unnamed, as before. */
export const MAX_PREPARED_PER_CONNECTION = 100;

/** Texts seen once that a connection remembers, waiting for a second run to be prepared. */
const MAX_SEEN_ONCE = 1_000;

/**
 * Which statements a connection runs as named (server-side prepared) statements: a statement
 * with parameters is prepared on its second run, so one-off statements never are, and at most
 * `MAX_PREPARED_PER_CONNECTION` are. Names are never reused on a connection, and a prepared
 * statement lives as long as its connection (the pool closes idle ones).
 */
export class StatementNames {
  private readonly named = new Map<string, string>();
  private readonly seenOnce = new Set<string>();

  constructor(private readonly limit = MAX_PREPARED_PER_CONNECTION) {}

  /** The name to run `text` under, or undefined to run it unnamed. */
  nameOf(text: string): string | undefined {
    const name = this.named.get(text);
    if (name !== undefined || this.named.size >= this.limit) return name;
    if (!this.seenOnce.delete(text)) {
      if (this.seenOnce.size >= MAX_SEEN_ONCE) this.seenOnce.clear();
      this.seenOnce.add(text);
      return undefined;
    }
    const fresh = `clientele_${this.named.size + 1}`;
    this.named.set(text, fresh);
    return fresh;
  }

  get size(): number {
    return this.named.size;
  }
}

type Query = Client['query'];

/** Plan every run of a prepared statement for its own parameter values. */
const CUSTOM_PLANS = '-c plan_cache_mode=force_custom_plan';

/**
 * A node-postgres client that prepares the statements it runs again and again, so PostgreSQL
 * parses a list page's statement once per connection instead of on every request (issue 12's
 * "prepared statements"; about a tenth of PostgreSQL's CPU per list page). TypeORM hands its SQL and parameters to `query(text,
 * values)`; this client turns a repeated one into `{ name, text, values }`. Everything else
 * (statements without parameters, transactions, cursors, streams) passes through unchanged.
 *
 * Only for a real PostgreSQL: on the embedded database every pooled connection shares one
 * backend session, where a name prepared by one connection clashes with the next.
 */
export class PreparingClient extends GuardedClient {
  readonly statements = new StatementNames();

  constructor(config: ClientConfig = {}) {
    // A prepared statement saves parsing; planning it once for all (PostgreSQL's generic plan,
    // taken after five runs) would not see the values: the plan for one tenant's `q` pattern
    // or organization is wrong for another's (a search went from 7 ms to 450 ms). Every run is
    // planned for its values.
    super({ ...config, options: [config.options, CUSTOM_PLANS].filter(Boolean).join(' ') });
    const query = super.query.bind(this) as (...args: unknown[]) => unknown;
    const preparing = (config: unknown, values?: unknown, callback?: unknown): unknown => {
      if (typeof config === 'string' && Array.isArray(values) && values.length > 0) {
        const name = this.statements.nameOf(config);
        if (name !== undefined) {
          const named = { name, text: config, values: values as unknown[] };
          return callback === undefined ? query(named) : query(named, callback);
        }
      }
      return callback === undefined ? query(config, values) : query(config, values, callback);
    };
    this.query = preparing as Query;
  }
}
