import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import {
  connect,
  DebugEvents,
  DiscardPolicy,
  ErrorCode,
  Events,
  nanos,
  type NatsConnection,
  NatsError,
  RetentionPolicy,
  StorageType,
  type StreamConfig,
} from 'nats';
import type { AppConfig, NatsConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import type { ClienteleEvent } from './event-envelope';
import type { EventStreamPublisher } from './event-stream-publisher';

/** JetStream's error code for "stream not found". */
const STREAM_NOT_FOUND = 10059;

/** The stream's settings from the configuration: what start-up creates, or updates an existing stream to. */
export function streamSettings(nats: NatsConfig): Partial<StreamConfig> {
  return {
    subjects: [`${nats.subjectPrefix}.>`],
    max_age: nanos(nats.maxAgeHours * 3_600_000),
    max_bytes: nats.maxBytes,
    max_msgs: nats.maxMessages,
    duplicate_window: nanos(nats.duplicateWindowSeconds * 1_000),
    num_replicas: nats.replicas,
  };
}

/**
 * Publishes to the JetStream stream `NATS_STREAM` (`CLIENTELE`; subjects `<prefix>.>`), with
 * `Nats-Msg-Id` = the event id so a republished event is dropped within the duplicate window.
 *
 * The stream is created, or updated to the configured limits, at start and again after every
 * reconnect (a NATS that restarted without its store has lost it). NATS unreachable at start or
 * later never fails the app: `publish` rejects (at once while the client is reconnecting, so
 * nothing piles up in its buffer) and the relay tries again on its next run. An outage is logged
 * once, and so is the recovery.
 */
@Injectable()
export class JetStreamPublisher implements EventStreamPublisher, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('JetStream');
  private readonly encoder = new TextEncoder();
  private readonly nats: NatsConfig;
  private connection: Promise<NatsConnection> | undefined;
  private stream: Promise<void> | undefined;
  /** False between a disconnect and the reconnect. */
  private connected = false;
  /** For logging an outage and a recovery once each. */
  private state: 'starting' | 'up' | 'down' = 'starting';
  private closing = false;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.nats = config.nats;
  }

  /** Creates or updates the stream now, without holding the start up: NATS may come later. */
  onApplicationBootstrap(): void {
    if (this.nats.url === undefined) return;
    this.ready().then(
      () => this.available(),
      (failure: unknown) => this.unavailable(failure),
    );
  }

  async publish(subject: string, event: ClienteleEvent): Promise<void> {
    try {
      const connection = await this.ready();
      if (!this.connected) throw new Error('NATS connection lost; the client is reconnecting');
      await connection.jetstream().publish(subject, this.encoder.encode(JSON.stringify(event)), {
        msgID: event.id,
        timeout: this.nats.publishTimeoutMs,
      });
    } catch (failure: unknown) {
      // No stream answered: it was deleted, or NATS lost it; make it again before the next publish.
      if (failure instanceof NatsError && failure.code === String(ErrorCode.NoResponders)) this.stream = undefined;
      this.unavailable(failure);
      throw failure;
    }
    this.available();
  }

  /** After the scheduler has stopped (its runs have finished their publishes): flush and close. */
  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    const connection = await this.connection?.catch(() => undefined);
    if (connection !== undefined && !connection.isClosed()) await connection.drain();
  }

  private async ready(): Promise<NatsConnection> {
    const connection = await this.connect();
    this.stream ??= this.ensureStream(connection).catch((failure: unknown) => {
      this.stream = undefined;
      throw failure;
    });
    await this.stream;
    return connection;
  }

  private connect(): Promise<NatsConnection> {
    if (this.closing) return Promise.reject(new Error('JetStream publisher is shutting down'));
    this.connection ??= this.open().catch((failure: unknown) => {
      this.connection = undefined;
      throw failure;
    });
    return this.connection;
  }

  private async open(): Promise<NatsConnection> {
    const connection = await connect({
      servers: this.nats.url,
      name: 'clientele-outbox-relay',
      reconnect: true,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
    });
    this.connected = true;
    void this.watch(connection);
    return connection;
  }

  /** Follows the connection's state; a closed connection is opened again on the next publish. */
  private async watch(connection: NatsConnection): Promise<void> {
    for await (const status of connection.status()) {
      if (status.type === Events.Disconnect || status.type === DebugEvents.Reconnecting) this.connected = false;
      if (status.type === Events.Reconnect) {
        this.connected = true;
        this.stream = undefined;
      }
    }
    this.connected = false;
    this.connection = undefined;
    this.stream = undefined;
  }

  private async ensureStream(connection: NatsConnection): Promise<void> {
    const manager = await connection.jetstreamManager();
    const settings = streamSettings(this.nats);
    try {
      await manager.streams.update(this.nats.stream, settings);
    } catch (failure: unknown) {
      if (!(failure instanceof NatsError) || failure.api_error?.err_code !== STREAM_NOT_FOUND) throw failure;
      await manager.streams.add({
        name: this.nats.stream,
        storage: StorageType.File,
        retention: RetentionPolicy.Limits,
        discard: DiscardPolicy.Old,
        ...settings,
      });
    }
  }

  private unavailable(failure: unknown): void {
    if (this.state === 'down' || this.closing) return;
    this.state = 'down';
    this.logger.warn(
      { err: failure, stream: this.nats.stream },
      'JetStream unavailable; events wait in the outbox until it is back',
    );
  }

  private available(): void {
    if (this.state === 'up') return;
    if (this.state === 'down')
      this.logger.log({ stream: this.nats.stream }, 'JetStream is back; publishing the waiting events');
    else
      this.logger.log({ stream: this.nats.stream, subjects: `${this.nats.subjectPrefix}.>` }, 'Connected to JetStream');
    this.state = 'up';
  }
}
