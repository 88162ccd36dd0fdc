import { createHash } from 'node:crypto';
import { type CallHandler, type ExecutionContext, HttpStatus, Injectable, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { catchError, concatMap, from, map, type Observable, of, switchMap, throwError } from 'rxjs';
import { DataSource } from 'typeorm';
import { ConflictError, DomainError, ValidationError } from '../errors/domain-error';
import { RequestContext } from '../tenancy/request-context';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KEY = /^[A-Za-z0-9._:-]{1,255}$/;
/** How long a key is remembered. */
const RETENTION = '24 hours';

interface StoredResponse {
  request_hash: string;
  status_code: number | null;
  response: unknown;
}

/**
 * `Idempotency-Key` on an authenticated write: the first request runs and its response is kept
 * (per tenant, actor and key, for a day); a retry with the same key and body gets the same
 * status and body without running again; the same key with another body is a 422, and a retry
 * while the first is still running a 409. Failed requests are forgotten so they can be retried.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly context: RequestContext,
    private readonly reflector: Reflector,
  ) {}

  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = execution.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const header = request.headers['idempotency-key'];
    const scope = this.context.optionalScope();
    if (typeof header !== 'string' || !WRITE_METHODS.has(request.method) || scope === undefined) {
      return next.handle();
    }
    if (!KEY.test(header)) {
      throw ValidationError.field('Idempotency-Key', 'Idempotency-Key must be 1–255 letters, digits or ._:-');
    }
    const identity = [scope.tenantId, scope.actor.id, header] as const;
    const hash = createHash('sha256')
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    const reply = http.getResponse<FastifyReply>();

    return from(this.claim(identity, hash)).pipe(
      switchMap((stored) => {
        if (stored !== null) {
          void reply.status(stored.status_code ?? HttpStatus.OK).header('Idempotent-Replayed', 'true');
          return of(stored.response);
        }
        const status =
          this.reflector.get<number | undefined>(HTTP_CODE_METADATA, execution.getHandler()) ??
          (request.method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);
        return next.handle().pipe(
          concatMap((body: unknown) => from(this.remember(identity, status, body)).pipe(map(() => body))),
          catchError((error: unknown) => from(this.forget(identity)).pipe(concatMap(() => throwError(() => error)))),
        );
      }),
    );
  }

  /** Null when this request may run; the stored response when it is a replay. */
  private async claim(identity: readonly [string, string, string], hash: string): Promise<StoredResponse | null> {
    await this.dataSource.query(`DELETE FROM idempotency_key WHERE created_at < now() - interval '${RETENTION}'`);
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_key (tenant_id, actor_id, key, request_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING key`,
      [...identity, hash],
    );
    if (inserted.length > 0) return null;
    const [stored] = await this.dataSource.query<StoredResponse[]>(
      `SELECT request_hash, status_code, response FROM idempotency_key WHERE tenant_id = $1 AND actor_id = $2 AND key = $3`,
      [...identity],
    );
    if (stored === undefined) return this.claim(identity, hash);
    if (stored.request_hash !== hash) {
      throw new IdempotencyKeyReusedError();
    }
    if (stored.status_code === null) {
      throw new ConflictError('IDEMPOTENCY_KEY_IN_PROGRESS', 'A request with this Idempotency-Key is still running.');
    }
    return stored;
  }

  private async remember(identity: readonly [string, string, string], status: number, body: unknown): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_key SET status_code = $4, response = $5 WHERE tenant_id = $1 AND actor_id = $2 AND key = $3`,
      [...identity, status, JSON.stringify(body ?? null)],
    );
  }

  private async forget(identity: readonly [string, string, string]): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM idempotency_key WHERE tenant_id = $1 AND actor_id = $2 AND key = $3 AND status_code IS NULL`,
      [...identity],
    );
  }
}

class IdempotencyKeyReusedError extends DomainError {
  readonly status = 422;
  readonly title = 'Unprocessable content';

  constructor() {
    super('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with another request body.');
  }
}
