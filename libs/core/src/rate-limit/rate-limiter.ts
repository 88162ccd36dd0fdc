import { Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { TooManyRequestsError } from '../errors/domain-error';
import { RedisConnections } from '../redis/redis-connections';
import { MemoryRateLimitStore } from './memory-rate-limit.store';
import type { RateLimitStore, WindowCount } from './rate-limit-store';
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
 * every replica) and in memory otherwise.
 *
 * Redis unreachable: fail open to this process's memory. While Redis is not connected (or a
 * command fails) each replica counts in its own memory, so every limit still holds per replica
 * (at most N × the limit across N replicas) and no request waits on, or is refused for, Redis.
 * Counting goes back to Redis as soon as it is connected again; the account lockout, which is
 * in PostgreSQL, never depends on Redis.
 */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger('RateLimiter');
  private readonly store: RateLimitStore;
  /** Counts while Redis is away (and always without `REDIS_URL`). */
  private readonly local = new MemoryRateLimitStore();
  private readonly redis: Redis | undefined;
  private degraded = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    redis: RedisConnections,
  ) {
    this.redis = redis.client();
    this.store = this.redis === undefined ? this.local : new RedisRateLimitStore(this.redis);
  }

  get enabled(): boolean {
    return this.config.rateLimit.enabled;
  }

  async consume(policy: RateLimitPolicy, subject: string): Promise<RateLimitDecision> {
    const { windowSeconds, keyPrefix } = this.config.rateLimit;
    const limit = this.limitOf(policy);
    const { count, resetInMs } = await this.hit(`${keyPrefix}${policy}:${subject}`, windowSeconds * 1000);
    return {
      limit,
      remaining: Math.max(0, limit - count),
      resetSeconds: Math.max(1, Math.ceil(resetInMs / 1000)),
      limited: count > limit,
    };
  }

  private async hit(key: string, windowMs: number): Promise<WindowCount> {
    // Not connected: count here at once rather than queue behind the reconnect.
    if (this.redis !== undefined && this.redis.status !== 'ready') return this.degrade(key, windowMs, undefined);
    try {
      const count = await this.store.hit(key, windowMs);
      if (this.degraded) {
        this.degraded = false;
        this.logger.log('Redis is back; rate limits are shared by every replica again');
      }
      return count;
    } catch (error) {
      return this.degrade(key, windowMs, error);
    }
  }

  private degrade(key: string, windowMs: number, error: unknown): Promise<WindowCount> {
    if (!this.degraded) {
      this.degraded = true;
      this.logger.warn({ err: error }, 'Redis unavailable; rate limits are counted per replica until it is back');
    }
    return this.local.hit(key, windowMs);
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
      throw TooManyRequestsError.rateLimited(decision.resetSeconds);
    }
  }

  private limitOf(policy: RateLimitPolicy): number {
    const limits = this.config.rateLimit;
    if (policy === 'ip') return limits.perIp;
    if (policy === 'actor') return limits.perActor;
    return limits.authPerIp;
  }
}
