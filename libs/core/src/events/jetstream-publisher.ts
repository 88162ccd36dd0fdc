import { createRequire } from 'node:module';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import type { ClienteleEvent } from './event-envelope';
import type { EventStreamPublisher } from './event-stream-publisher';

export const STREAM_NAME = 'CLIENTELE';

/** The part of the `nats` package the relay uses (loaded only when NATS_URL is set). */
interface NatsConnection {
  jetstream(): {
    publish(subject: string, data: Uint8Array, options: { msgID: string; timeout: number }): Promise<unknown>;
  };
  jetstreamManager(): Promise<{
    streams: {
      info(name: string): Promise<unknown>;
      add(config: Record<string, unknown>): Promise<unknown>;
      update(name: string, config: Record<string, unknown>): Promise<unknown>;
    };
  }>;
  drain(): Promise<void>;
  isClosed(): boolean;
}
interface NatsModule {
  connect(options: Record<string, unknown>): Promise<NatsConnection>;
  nanos(millis: number): number;
}

/**
 * Publishes to the JetStream stream `CLIENTELE` (subjects `clientele.>`, created or updated on
 * first use with `NATS_STREAM_MAX_AGE_HOURS` and a duplicate window), with `Nats-Msg-Id` = the
 * event id so a republished event is dropped. Connects lazily and again after a failure.
 */
@Injectable()
export class JetStreamPublisher implements EventStreamPublisher, OnApplicationShutdown {
  private readonly logger = new Logger('JetStream');
  private connection: Promise<NatsConnection> | undefined;
  private readonly encoder = new TextEncoder();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async publish(subject: string, event: ClienteleEvent): Promise<void> {
    const connection = await this.connect();
    try {
      await connection
        .jetstream()
        .publish(subject, this.encoder.encode(JSON.stringify(event)), { msgID: event.id, timeout: 5_000 });
    } catch (failure: unknown) {
      if (connection.isClosed()) this.connection = undefined;
      throw failure;
    }
  }

  /** After the scheduler has stopped (before shutdown), so an in-flight relay run finishes its publishes. */
  async onApplicationShutdown(): Promise<void> {
    const connection = await this.connection?.catch(() => undefined);
    if (connection !== undefined && !connection.isClosed()) await connection.drain();
  }

  private connect(): Promise<NatsConnection> {
    this.connection ??= this.open().catch((failure: unknown) => {
      this.connection = undefined;
      throw failure;
    });
    return this.connection;
  }

  private async open(): Promise<NatsConnection> {
    const nats = createRequire(__filename)('nats') as NatsModule;
    const connection = await nats.connect({ servers: this.config.natsUrl, reconnect: true, maxReconnectAttempts: -1 });
    const manager = await connection.jetstreamManager();
    const stream = {
      subjects: ['clientele.>'],
      max_age: nats.nanos(this.config.natsStreamMaxAgeHours * 3_600_000),
      // Longer than a relay takeover, so a batch republished by the next relay is dropped.
      duplicate_window: nats.nanos(10 * 60_000),
    };
    try {
      await manager.streams.info(STREAM_NAME);
      await manager.streams.update(STREAM_NAME, stream);
    } catch {
      await manager.streams.add({ name: STREAM_NAME, ...stream });
    }
    this.logger.log({ stream: STREAM_NAME }, 'Connected to JetStream');
    return connection;
  }
}
