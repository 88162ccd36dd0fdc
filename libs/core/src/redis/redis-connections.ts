import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';

/**
 * The Redis connections shared by rate limiting and access-cache invalidation, opened lazily
 * and only when `REDIS_URL` is set. Commands fail fast rather than queue while Redis is away,
 * so callers can fall back instead of holding requests.
 */
@Injectable()
export class RedisConnections implements OnModuleDestroy {
  private readonly logger = new Logger('Redis');
  private commandClient: Redis | undefined;
  private subscriberClient: Redis | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get enabled(): boolean {
    return this.config.redisUrl !== undefined;
  }

  /** The connection for commands (and PUBLISH); undefined without `REDIS_URL`. */
  client(): Redis | undefined {
    this.commandClient ??= this.open('commands');
    return this.commandClient;
  }

  /** A second connection, since a subscribed connection can run no other command. */
  subscriber(): Redis | undefined {
    this.subscriberClient ??= this.open('subscriber');
    return this.subscriberClient;
  }

  async onModuleDestroy(): Promise<void> {
    for (const client of [this.commandClient, this.subscriberClient]) {
      if (client === undefined) continue;
      // QUIT waits for the server; a connection that is not up would wait forever.
      if (client.status === 'ready') await client.quit().catch(() => client.disconnect());
      else client.disconnect();
    }
  }

  private open(role: string): Redis | undefined {
    const url = this.config.redisUrl;
    if (url === undefined) return undefined;
    const client = new Redis(url, {
      connectionName: `clientele-${role}`,
      maxRetriesPerRequest: 1,
      commandTimeout: 1_000,
    });
    client.on('error', (error: Error) => this.logger.warn({ err: error, role }, 'Redis connection error'));
    return client;
  }
}
