import { describe, expect, it } from 'vitest';
import { loadConfig } from './app-config';
import { ConfigError } from './env-reader';

describe('loadConfig', () => {
  it('has working defaults for the embedded mode', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      dataDir: './data',
      database: { url: undefined, runMigrations: true },
      auth: { accessTokenTtlSeconds: 900, signupEnabled: true, jwtSecret: undefined },
    });
  });

  it('runs the scheduler by default, every job on its own interval, and refuses intervals out of range', () => {
    expect(loadConfig({}).scheduler).toEqual({
      enabled: true,
      outboxSequenceIntervalMs: 1_000,
      idempotencyCleanupIntervalMs: 600_000,
      outboxRetentionIntervalMs: 300_000,
      outboxRelayIntervalMs: 200,
      billingRunIntervalMs: 0,
    });
    expect(
      loadConfig({
        SCHEDULER_ENABLED: 'false',
        OUTBOX_SEQUENCE_INTERVAL_MS: '250',
        IDEMPOTENCY_CLEANUP_INTERVAL_MS: '60000',
        BILLING_RUN_INTERVAL_MS: '3600000',
      }).scheduler,
    ).toMatchObject({
      enabled: false,
      outboxSequenceIntervalMs: 250,
      idempotencyCleanupIntervalMs: 60_000,
      billingRunIntervalMs: 3_600_000,
    });
    expect(() => loadConfig({ OUTBOX_SEQUENCE_INTERVAL_MS: '0' })).toThrow(/OUTBOX_SEQUENCE_INTERVAL_MS/);
  });

  it('delivers webhooks to public targets only, retrying about a day, unless told otherwise', () => {
    expect(loadConfig({}).webhooks).toEqual({
      allowPrivateTargets: false,
      timeoutMs: 10_000,
      maxAttempts: 12,
      retryBaseMs: 30_000,
      retryMaxMs: 21_600_000,
      disableAfterDead: 5,
      deliveryIntervalMs: 1_000,
    });
    expect(loadConfig({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' }).webhooks.allowPrivateTargets).toBe(true);
    expect(() => loadConfig({ WEBHOOK_MAX_ATTEMPTS: '0' })).toThrow(/WEBHOOK_MAX_ATTEMPTS/);
    expect(loadConfig({}).outboxRetentionHours).toBe(168);
  });

  it('relays to the CLIENTELE stream on clientele.> by default, with configurable limits and names', () => {
    expect(loadConfig({}).nats).toEqual({
      url: undefined,
      stream: 'CLIENTELE',
      subjectPrefix: 'clientele',
      maxAgeHours: 168,
      maxBytes: -1,
      maxMessages: -1,
      duplicateWindowSeconds: 600,
      replicas: 1,
      publishTimeoutMs: 5_000,
    });
    expect(
      loadConfig({
        NATS_URL: 'nats://nats:4222',
        NATS_STREAM_MAX_BYTES: '1073741824',
        NATS_SUBJECT_PREFIX: 'crm.events',
      }).nats,
    ).toMatchObject({ url: 'nats://nats:4222', maxBytes: 1_073_741_824, subjectPrefix: 'crm.events' });
    expect(() => loadConfig({ NATS_STREAM: 'bad.name', NATS_SUBJECT_PREFIX: 'a..b', NATS_URL: 'http://x' })).toThrow(
      ConfigError,
    );
  });

  it('requires a JWT secret of at least 32 characters when DATABASE_URL is set', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://localhost/db' })).toThrow(/JWT_SECRET is required/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://localhost/db', JWT_SECRET: 'short' })).toThrow(
      /JWT_SECRET must be at least 32 characters/,
    );
  });

  it('names every invalid setting in one error, hiding URL values', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', SIGNUP_ENABLED: 'maybe', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://u:secret@h/db' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('PORT must be an integer from 0 to 65535 (got "eighty")');
    expect(message).toContain('SIGNUP_ENABLED must be true or false');
    expect(message).toContain('LOG_LEVEL must be one of');
    expect(message).toContain('DATABASE_URL must be a URL starting with postgres:// or postgresql://');
    expect(message).not.toContain('secret');
  });
});
