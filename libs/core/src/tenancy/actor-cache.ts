import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { RedisConnections } from '../redis/redis-connections';
import type { Actor } from './actor';

const CHANNEL = 'clientele:access-changed';
/** Past this many live entries the cache starts over rather than grow without bound. */
const MAX_ENTRIES = 10_000;

interface Entry {
  readonly actor: Actor;
  readonly expiresAt: number;
}

interface AccessChangedMessage {
  readonly origin: string;
  readonly tenantId?: string;
  readonly key?: string;
}

/**
 * Resolved actors (memberships and grants) kept for a few seconds per session or API key, so
 * a burst of requests costs one grants query instead of one each.
 *
 * Correctness does not rest on the TTL: every write that changes access (memberships, roles,
 * organizations, users, API keys, sessions) empties the tenant's entries once it commits, so
 * removing a member or downgrading a role applies to the very next request. That holds in
 * this process; with several replicas each has its own cache, so with `REDIS_URL` set every
 * invalidation is also published on a Redis channel that all replicas subscribe to. Without
 * Redis, another replica may serve a stale actor for at most the TTL (`ACTOR_CACHE_TTL_MS`).
 */
@Injectable()
export class ActorCache implements OnModuleInit {
  private readonly logger = new Logger('ActorCache');
  private readonly entries = new Map<string, Entry>();
  /** Tells this replica's own messages apart when they come back from Redis. */
  private readonly origin = randomUUID();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisConnections,
  ) {}

  async onModuleInit(): Promise<void> {
    const subscriber = this.redis.subscriber();
    if (subscriber === undefined || this.config.auth.actorCacheTtlMs === 0) return;
    subscriber.on('message', (channel: string, raw: string) => {
      if (channel === CHANNEL) this.receive(raw);
    });
    try {
      await subscriber.subscribe(CHANNEL);
    } catch (error) {
      this.logger.warn({ err: error }, 'Cannot subscribe to access changes; other replicas may lag by the cache TTL');
    }
  }

  get(key: string): Actor | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.actor;
  }

  /** Keeps `actor` for the configured TTL, or less when `maxAgeMs` says so (an expiring key). */
  set(key: string, actor: Actor, maxAgeMs = Number.POSITIVE_INFINITY): void {
    const ttl = Math.min(this.config.auth.actorCacheTtlMs, maxAgeMs);
    if (ttl <= 0) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, { actor, expiresAt: Date.now() + ttl });
  }

  /** Access changed somewhere in the tenant: forget all of its actors, here and on every replica. */
  tenantChanged(tenantId: string): void {
    this.forgetTenant(tenantId);
    this.publish({ origin: this.origin, tenantId });
  }

  /** One session or key ended (logout, revocation). */
  forget(key: string): void {
    this.entries.delete(key);
    this.publish({ origin: this.origin, key });
  }

  private forgetTenant(tenantId: string): void {
    for (const [key, entry] of this.entries) {
      if (entry.actor.tenantId === tenantId) this.entries.delete(key);
    }
  }

  private publish(message: AccessChangedMessage): void {
    if (this.config.auth.actorCacheTtlMs === 0) return;
    this.redis
      .client()
      ?.publish(CHANNEL, JSON.stringify(message))
      .catch((error: unknown) => this.logger.warn({ err: error }, 'Cannot publish an access change'));
  }

  private receive(raw: string): void {
    let message: AccessChangedMessage;
    try {
      message = JSON.parse(raw) as AccessChangedMessage;
    } catch {
      return;
    }
    if (message.origin === this.origin) return;
    if (typeof message.tenantId === 'string') this.forgetTenant(message.tenantId);
    if (typeof message.key === 'string') this.entries.delete(message.key);
  }
}
