import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { ConflictError, UnprocessableEntityError, ValidationError } from '../errors/domain-error';
import type { AccessScope } from '../tenancy/access-scope';

const KEY = /^[A-Za-z0-9._:-]{1,255}$/;
/** How long a key is remembered; `IdempotencyCleanupJob` deletes older ones. */
export const IDEMPOTENCY_RETENTION = '24 hours';

interface StoredResponse {
  request_hash: string;
  status_code: number | null;
  response: unknown;
}

type Identity = readonly [tenantId: string, actorId: string, key: string];

/**
 * `Idempotency-Key` on an authenticated write: the first request runs and its response is kept
 * (per tenant, actor and key, for a day); a retry with the same key and body gets the same
 * status and body without running again; the same key with another body is a 422, and a retry
 * while the first is still running a 409. Failed requests are forgotten so they can be retried.
 *
 * `WriteGuard` claims the key before the handler runs; the response is kept (or the claim
 * forgotten) by the `onSend` hook `installIdempotency` adds, once the status and body are known.
 */
@Injectable()
export class Idempotency {
  private readonly claims = new WeakMap<FastifyRequest, Identity>();

  constructor(private readonly dataSource: DataSource) {}

  /** Claims the request's key; throws `IdempotentReplay` when a response is already kept for it. */
  async claim(request: FastifyRequest, scope: AccessScope): Promise<void> {
    const header = request.headers['idempotency-key'];
    if (typeof header !== 'string') return;
    if (!KEY.test(header)) {
      throw ValidationError.field('Idempotency-Key', 'Idempotency-Key must be 1–255 letters, digits or ._:-');
    }
    const identity: Identity = [scope.tenantId, scope.actor.id, header];
    const hash = createHash('sha256')
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    const stored = await this.claimOrFind(identity, hash);
    if (stored === null) this.claims.set(request, identity);
    else throw new IdempotentReplay(stored.status_code ?? 200, stored.response);
  }

  /** Whether the guard claimed a key for this request (most requests carry none). */
  claimed(request: FastifyRequest): boolean {
    return this.claims.has(request);
  }

  /** After the response is made: keep it for replays, or forget a failed request's claim. */
  async settle(request: FastifyRequest, status: number, payload: unknown): Promise<void> {
    const identity = this.claims.get(request);
    if (identity === undefined) return;
    this.claims.delete(request);
    if (status >= 400) {
      await this.dataSource.query(
        `DELETE FROM idempotency_key WHERE tenant_id = $1 AND actor_id = $2 AND key = $3 AND status_code IS NULL`,
        [...identity],
      );
      return;
    }
    await this.dataSource.query(
      `UPDATE idempotency_key SET status_code = $4, response = $5 WHERE tenant_id = $1 AND actor_id = $2 AND key = $3`,
      [...identity, status, typeof payload === 'string' && payload !== '' ? payload : 'null'],
    );
  }

  /** Null when this request may run; the stored response when it is a replay. */
  private async claimOrFind(identity: Identity, hash: string): Promise<StoredResponse | null> {
    // An expired key not yet cleaned up (`IdempotencyCleanupJob`) is claimed afresh, never replayed.
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_key AS stored (tenant_id, actor_id, key, request_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, actor_id, key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, status_code = NULL, response = NULL, created_at = now()
         WHERE stored.created_at < now() - interval '${IDEMPOTENCY_RETENTION}'
       RETURNING key`,
      [...identity, hash],
    );
    if (inserted.length > 0) return null;
    const [stored] = await this.dataSource.query<StoredResponse[]>(
      `SELECT request_hash, status_code, response FROM idempotency_key WHERE tenant_id = $1 AND actor_id = $2 AND key = $3`,
      [...identity],
    );
    if (stored === undefined) return this.claimOrFind(identity, hash);
    if (stored.request_hash !== hash) {
      throw UnprocessableEntityError.idempotencyKeyReused();
    }
    if (stored.status_code === null) {
      throw new ConflictError('IDEMPOTENCY_KEY_IN_PROGRESS', 'A request with this Idempotency-Key is still running.');
    }
    return stored;
  }
}

/** Keeps or forgets each claimed write's response once it is serialized (see `Idempotency`). */
export function installIdempotency(fastify: FastifyInstance, idempotency: Idempotency): void {
  const logger = new Logger('Idempotency');
  // A callback hook, so the requests without a claim (every read) pass without a promise.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (!idempotency.claimed(request)) {
      done(null, payload);
      return;
    }
    idempotency
      .settle(request, reply.statusCode, payload)
      .catch((error: unknown) => {
        // The write itself is done and answered; a retry then runs again (or finds the claim).
        logger.error({ err: error, reqId: request.id }, 'Could not keep the response of an idempotent request');
      })
      .finally(() => {
        done(null, payload);
      });
  });
}

/** Not an error: thrown by the guard so the stored response is sent instead of running the handler. */
export class IdempotentReplay extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super('Idempotent replay');
  }

  send(reply: FastifyReply): void {
    void reply.status(this.status).header('Idempotent-Replayed', 'true').send(this.body);
  }
}
