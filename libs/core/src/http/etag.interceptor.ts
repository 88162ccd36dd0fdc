import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Observable, tap } from 'rxjs';
import { ValidationError } from '../errors/domain-error';
import { RequestContext } from '../tenancy/request-context';

const ENTITY_TAG = /^(?:W\/)?"([^"]*)"$/;

/**
 * Optimistic concurrency over HTTP: a response that is one record (`id` + `version`) carries
 * `ETag: "<version>"`; `If-Match` on a write is handed to the unit of work, whose
 * `findOneForUpdate` answers 412 when the record has moved on.
 */
@Injectable()
export class EtagInterceptor implements NestInterceptor {
  constructor(private readonly context: RequestContext) {}

  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = execution.switchToHttp();
    const header = http.getRequest<FastifyRequest>().headers['if-match'];
    if (typeof header === 'string') this.context.setIfMatch(parseIfMatch(header));
    return next.handle().pipe(
      tap((body: unknown) => {
        const version = recordVersion(body);
        if (version !== undefined) void http.getResponse<FastifyReply>().header('ETag', `"${version}"`);
      }),
    );
  }
}

function parseIfMatch(header: string): string[] {
  if (header.trim() === '*') return ['*'];
  return header.split(',').map((part) => {
    const match = ENTITY_TAG.exec(part.trim());
    if (match?.[1] === undefined) throw ValidationError.field('If-Match', 'If-Match must list entity tags, e.g. "3"');
    return match[1];
  });
}

function recordVersion(body: unknown): number | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { id, version } = body as { id?: unknown; version?: unknown };
  return typeof id === 'string' && typeof version === 'number' ? version : undefined;
}
