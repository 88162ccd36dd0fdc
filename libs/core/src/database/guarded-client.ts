import { Client, type ClientConfig } from 'pg';

/**
 * A node-postgres client that never crashes the process with an unhandled `error` event.
 *
 * When PostgreSQL ends a session (`pg_terminate_backend`, a failover, a restart) the client can
 * emit `error` more than once: for the failed query, then for the FATAL message or the closed
 * socket that follows. TypeORM and the pool each stop listening as soon as they have released
 * the broken client, so that later `error` found no listener and Node ended the whole API
 * (seen under load in `test/chaos-postgres.e2e-spec.ts`). This listener stays for the client's
 * life; the failure itself still reaches the query that hit it (a 503) and the pool (which
 * drops the client).
 */
export class GuardedClient extends Client {
  constructor(config?: string | ClientConfig) {
    super(config);
    this.on('error', ignoreLateError);
  }
}

function ignoreLateError(): void {
  // Reported by the failed query and the pool; nothing is left to do here.
}
