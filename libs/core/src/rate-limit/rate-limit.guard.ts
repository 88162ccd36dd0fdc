import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RequestContext } from '../tenancy/request-context';
import { AUTH_ATTEMPTS_ROUTE } from './limit-auth-attempts.decorator';
import { RateLimiter } from './rate-limiter';

/**
 * Runs after the auth guard: counts the request against its actor (user or API key), and
 * login-like routes against their IP's `auth` limit. The plain per-IP limit is counted earlier,
 * in a Fastify hook (`installIpRateLimit`), so even unauthenticated requests pay for it.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly reflector: Reflector,
    private readonly context: RequestContext,
  ) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    if (!this.limiter.enabled) return true;
    const http = execution.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const targets = [execution.getHandler(), execution.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(AUTH_ATTEMPTS_ROUTE, targets) === true) {
      this.limiter.enforce(reply, await this.limiter.consume('auth', request.ip));
    }
    const actor = this.context.optionalScope()?.actor;
    if (actor !== undefined) {
      this.limiter.enforce(reply, await this.limiter.consume('actor', `${actor.type}:${actor.id}`));
    }
    return true;
  }
}
