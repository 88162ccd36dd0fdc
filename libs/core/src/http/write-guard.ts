import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { RequestContext } from '../tenancy/request-context';
import { parseIfMatch } from './etag';
import { Idempotency } from './idempotency';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The preconditions of a write, checked after authentication and before the handler: `If-Match`
 * goes to the request context (the unit of work's `findOneForUpdate` compares it, 412), and an
 * `Idempotency-Key` is claimed or its stored response replayed. Reads pass straight through.
 */
@Injectable()
export class WriteGuard implements CanActivate {
  constructor(
    private readonly context: RequestContext,
    private readonly idempotency: Idempotency,
  ) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    const request = execution.switchToHttp().getRequest<FastifyRequest>();
    if (!WRITE_METHODS.has(request.method)) return true;
    const ifMatch = request.headers['if-match'];
    if (typeof ifMatch === 'string') this.context.setIfMatch(parseIfMatch(ifMatch));
    const scope = this.context.optionalScope();
    if (scope !== undefined) await this.idempotency.claim(request, scope);
    return true;
  }
}
