import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClienteleEvent } from '@clientele/core';
import { AckPolicy, connect, type ConsumerMessages, DeliverPolicy, type NatsConnection } from 'nats';
import { freePort, waitFor } from './spawned-api';

/** The machine's NATS with JetStream; `NATS_TEST_URL` overrides it. */
export const TEST_NATS_URL = process.env.NATS_TEST_URL ?? 'nats://127.0.0.1:4222';

/**
 * A stream name and subject prefix of this test file's own, so test files running at once on
 * one NATS never share a stream (two streams may not claim the same subjects).
 */
export interface TestStream {
  readonly stream: string;
  readonly subjectPrefix: string;
  /** The API's settings for it: `NATS_URL`, `NATS_STREAM`, `NATS_SUBJECT_PREFIX`. */
  env(url?: string): Record<string, string>;
}

export function uniqueStream(label: string): TestStream {
  const suffix = randomBytes(4).toString('hex');
  const stream = `TEST_${label.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_${suffix}`;
  const subjectPrefix = `test_${suffix}`;
  return {
    stream,
    subjectPrefix,
    env: (url = TEST_NATS_URL) => ({ NATS_URL: url, NATS_STREAM: stream, NATS_SUBJECT_PREFIX: subjectPrefix }),
  };
}

export interface ReceivedMessage {
  /** The message's place in the stream. */
  readonly streamSequence: number;
  readonly subject: string;
  /** The `Nats-Msg-Id` header. */
  readonly msgId: string | undefined;
  readonly event: ClienteleEvent;
}

/**
 * What an internal service runs: a durable pull consumer with explicit acks on the stream,
 * collecting every message it is given, in the order given.
 */
export class JetStreamConsumer {
  readonly received: ReceivedMessage[] = [];
  private messages: ConsumerMessages | undefined;
  private loop: Promise<void> | undefined;

  private constructor(
    private readonly connection: NatsConnection,
    private readonly stream: string,
  ) {}

  /** Waits (up to `timeoutMs`) for the stream to exist — the API creates it at start — then consumes from its beginning. */
  static async start(
    stream: string,
    options: { url?: string; filterSubject?: string; timeoutMs?: number } = {},
  ): Promise<JetStreamConsumer> {
    const connection = await connect({ servers: options.url ?? TEST_NATS_URL });
    const manager = await connection.jetstreamManager();
    await waitFor(
      `stream ${stream}`,
      async () => {
        await manager.streams.info(stream);
        return true;
      },
      options.timeoutMs ?? 20_000,
    );
    const name = `consumer_${randomBytes(4).toString('hex')}`;
    await manager.consumers.add(stream, {
      durable_name: name,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ...(options.filterSubject === undefined ? {} : { filter_subject: options.filterSubject }),
    });
    const consumer = new JetStreamConsumer(connection, stream);
    const messages = await (await connection.jetstream().consumers.get(stream, name)).consume({ max_messages: 256 });
    consumer.messages = messages;
    consumer.loop = (async () => {
      for await (const message of messages) {
        consumer.received.push({
          streamSequence: message.seq,
          subject: message.subject,
          msgId: message.headers?.get('Nats-Msg-Id'),
          event: message.json<ClienteleEvent>(),
        });
        message.ack();
      }
    })();
    return consumer;
  }

  /** Waits until `check` holds for what has been received. */
  async until(
    what: string,
    check: (received: readonly ReceivedMessage[]) => boolean,
    timeoutMs = 20_000,
  ): Promise<void> {
    await waitFor(what, () => Promise.resolve(check(this.received)), timeoutMs, 50);
  }

  /** How many messages the stream holds. */
  async streamMessages(): Promise<number> {
    const manager = await this.connection.jetstreamManager();
    return (await manager.streams.info(this.stream)).state.messages;
  }

  /** Stops consuming and disconnects, leaving the stream. */
  async stop(): Promise<void> {
    this.messages?.stop();
    await this.loop?.catch(() => undefined);
    await this.connection.close();
  }

  /** Stops consuming, deletes the stream (and so the consumer) and disconnects. */
  async close(): Promise<void> {
    this.messages?.stop();
    await this.loop?.catch(() => undefined);
    await deleteStream(this.connection, this.stream);
    await this.connection.close();
  }
}

/** Deletes a test stream if it is there. */
export async function dropStream(stream: string, url = TEST_NATS_URL): Promise<void> {
  const connection = await connect({ servers: url });
  await deleteStream(connection, stream);
  await connection.close();
}

async function deleteStream(connection: NatsConnection, stream: string): Promise<void> {
  const manager = await connection.jetstreamManager();
  await manager.streams.delete(stream).catch(() => false);
}

export interface NatsServer {
  readonly url: string;
  readonly port: number;
  /** Starts it on its port; `fresh` empties its JetStream store first (a NATS that lost its disk). */
  start(options?: { fresh?: boolean }): Promise<void>;
  /** SIGKILL: gone at once, as in a crash. */
  kill(): Promise<void>;
  /** Kills it and removes its store. */
  dispose(): Promise<void>;
}

/**
 * A private `nats-server -js` on a free loopback port, started only when asked: a test can
 * point the API at it while it is down, then bring it up, kill it and bring it back.
 */
export async function privateNats(): Promise<NatsServer> {
  const port = await freePort();
  const storeDir = mkdtempSync(join(tmpdir(), 'clientele-nats-'));
  let child: ChildProcess | undefined;
  const kill = async (): Promise<void> => {
    const running = child;
    child = undefined;
    if (running === undefined || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  };
  process.once('exit', () => child?.kill('SIGKILL'));
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    start: async ({ fresh = false } = {}) => {
      if (child !== undefined) return;
      if (fresh) {
        rmSync(storeDir, { recursive: true, force: true });
      }
      let output = '';
      const started = spawn('nats-server', ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = started;
      started.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      started.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      await waitFor(
        `nats-server on port ${port}`,
        () => {
          if (started.exitCode !== null) throw new Error(`nats-server exited:\n${output}`);
          return Promise.resolve(output.includes('Server is ready'));
        },
        10_000,
        50,
      );
    },
    kill,
    dispose: async () => {
      await kill();
      rmSync(storeDir, { recursive: true, force: true });
    },
  };
}
