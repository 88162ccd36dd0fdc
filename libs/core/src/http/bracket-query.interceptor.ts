import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { parseBracketQuery } from '../pagination/bracket-query';

/**
 * For Gauzy-compatible routes: nests `where[name]=…`-style query keys before the params DTO
 * is validated (interceptors run after guards and before pipes). Fastify's own parser keeps
 * keys flat, and every other route keeps it that way.
 */
@Injectable()
export class BracketQueryInterceptor implements NestInterceptor {
  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = execution.switchToHttp().getRequest<FastifyRequest>();
    request.query = parseBracketQuery((request.query ?? {}) as Record<string, unknown>);
    return next.handle();
  }
}
