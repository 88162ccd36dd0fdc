import { Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { TooManyRequestsError } from '../errors/domain-error';
import { RedisConnections } from '../redis/redis-connections';
import { MemoryRateLimitStore } from './memory-rate-limit.store';
import type { RateLimitStore } from './rate-limit-store';
import { RedisRateLimitStore } from './redis-rate-limit.store';

/** `ip`: every request of an address; `actor`: a user's or key's requests; `auth`: login/signup per address. */
export type RateLimitPolicy = 'ip' | 'actor' | 'auth';

export interface RateLimitDecision {
  readonly limit: number;
  readonly remaining: number;
  /** Seconds until the window starts over. */
  readonly resetSeconds: number;
  readonly limited: boolean;
}

/**
 * Fixed-window counters per policy and subject, in Redis when `REDIS_URL` is set (shared by
 * every replica) and in memory otherwise. A Redis failure lets the request through: losing
 * the limiter for a moment beats losing the API, and the account lockout stays in force.
 */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger('RateLimiter');
  private readonly store: RateLimitStore;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    redis: RedisConnections,
  ) {
    const client = redis.client();
    this.store = client === undefined ? new MemoryRateLimitStore() : new RedisRateLimitStore(client);
  }

  get enabled(): boolean {
    return this.config.rateLimit.enabled;
  }

  async consume(policy: RateLimitPolicy, subject: string): Promise<RateLimitDecision> {
    const { windowSeconds, keyPrefix } = this.config.rateLimit;
    const limit = this.limitOf(policy);
    try {
      const { count, resetInMs } = await this.store.hit(`${keyPrefix}${policy}:${subject}`, windowSeconds * 1000);
      return {
        limit,
        remaining: Math.max(0, limit - count),
        resetSeconds: Math.max(1, Math.ceil(resetInMs / 1000)),
        limited: count > limit,
      };
    } catch (error) {
      this.logger.warn({ err: error, policy }, 'Rate limiter unavailable; request let through');
      return { limit, remaining: limit, resetSeconds: windowSeconds, limited: false };
    }
  }

  /**
   * Writes `RateLimit-Limit/Remaining/Reset` (IETF draft) for the tightest policy seen by this
   * request, and throws 429 `RATE_LIMITED` with Retry-After when the decision is over the limit.
   */
  enforce(reply: FastifyReply, decision: RateLimitDecision): void {
    const shown = Number(reply.getHeader('RateLimit-Remaining') ?? Number.POSITIVE_INFINITY);
    if (decision.limited || decision.remaining <= shown) {
      void reply.header('RateLimit-Limit', String(decision.limit));
      void reply.header('RateLimit-Remaining', String(decision.remaining));
      void reply.header('RateLimit-Reset', String(decision.resetSeconds));
    }
    if (decision.limited) {
      throw new TooManyRequestsError(
        'RATE_LIMITED',
        `Too many requests; try again in ${decision.resetSeconds} s.`,
        decision.resetSeconds,
      );
    }
  }

  private limitOf(policy: RateLimitPolicy): number {
    const limits = this.config.rateLimit;
    if (policy === 'ip') return limits.perIp;
    if (policy === 'actor') return limits.perActor;
    return limits.authPerIp;
  }
}
