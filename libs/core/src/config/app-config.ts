import { EnvReader } from './env-reader';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export interface DatabaseConfig {
  /** `postgres://…` of a real PostgreSQL; undefined → the embedded database is started. */
  readonly url: string | undefined;
  readonly poolSize: number;
  readonly runMigrations: boolean;
  /** Log every SQL statement (for copying the API's SQL into the bench floor). */
  readonly logQueries: boolean;
  /** With `logQueries`, their parameters too (the bench explains the captured statements with them). */
  readonly logQueryParameters: boolean;
  /**
   * Prepare statements that run again and again (`PreparingClient`). Off on the embedded
   * database, and for a pooler that cannot keep prepared statements (PgBouncer in transaction
   * mode before 1.21).
   */
  readonly preparedStatements: boolean;
}

export interface AuthConfig {
  /** HS256 secret; undefined in embedded mode until the data dir provides one. */
  readonly jwtSecret: string | undefined;
  readonly jwtIssuer: string;
  readonly jwtAudience: string;
  readonly accessTokenTtlSeconds: number;
  readonly refreshTokenTtlSeconds: number;
  readonly signupEnabled: boolean;
  readonly cookieSecure: boolean;
  /** A session whose refresh token is not used for this long ends (ASVS 3.3.2). */
  readonly sessionIdleTimeoutSeconds: number;
  /** Issuer shown by authenticator apps for TOTP. */
  readonly mfaIssuer: string;
  /** Key for encrypting TOTP secrets at rest; derived from the JWT secret when unset. */
  readonly mfaEncryptionKey: string | undefined;
  /** Failed logins of one account, within the window, that lock it. */
  readonly loginMaxFailures: number;
  readonly loginFailureWindowSeconds: number;
  readonly loginLockoutSeconds: number;
  /** How long a resolved actor (grants) is reused for the same session or key; 0 = never. */
  readonly actorCacheTtlMs: number;
}

export interface RateLimitConfig {
  readonly enabled: boolean;
  /** Fixed window length of every counter. */
  readonly windowSeconds: number;
  /** Requests per window from one IP address, any route. */
  readonly perIp: number;
  /** Requests per window by one authenticated user or API key. */
  readonly perActor: number;
  /** Login and signup attempts per window from one IP address. */
  readonly authPerIp: number;
  /** Prefix of the Redis keys (when REDIS_URL is set). */
  readonly keyPrefix: string;
}

export interface SchedulerConfig {
  /** Run the scheduled jobs in this process (leader election keeps one run at a time across processes). */
  readonly enabled: boolean;
  /** How often committed outbox events get their feed sequence. */
  readonly outboxSequenceIntervalMs: number;
  /** How often idempotency keys older than a day are deleted. */
  readonly idempotencyCleanupIntervalMs: number;
  /** How often events past the retention are deleted. */
  readonly outboxRetentionIntervalMs: number;
  /** How often the relay publishes new events to JetStream (with NATS_URL). */
  readonly outboxRelayIntervalMs: number;
  /** How often the monthly billing run makes the bills that are due; 0 (the default): never, bill through `POST /api/billing/run`. */
  readonly billingRunIntervalMs: number;
}

export interface WebhooksConfig {
  /** Deliver to private, loopback and link-local addresses too (local setups and tests only). */
  readonly allowPrivateTargets: boolean;
  /** One attempt's limit, connection to last byte, redirects included. */
  readonly timeoutMs: number;
  /** Attempts before a delivery is dead-lettered. */
  readonly maxAttempts: number;
  /** The first retry's delay; each next one doubles, capped at `retryMaxMs`, with jitter. */
  readonly retryBaseMs: number;
  readonly retryMaxMs: number;
  /** Dead-lettered deliveries in a row after which the webhook is disabled. */
  readonly disableAfterDead: number;
  /** How often the sender looks for due deliveries. */
  readonly deliveryIntervalMs: number;
}

/** JetStream, for the outbox relay (all but `url` have production defaults). */
export interface NatsConfig {
  /** `nats://…`; unset → no relay. */
  readonly url: string | undefined;
  /** The stream the relay creates or updates at start and publishes to. */
  readonly stream: string;
  /** Subjects are `<subjectPrefix>.<tenantId>.<entity>.<verb>`; the stream takes `<subjectPrefix>.>`. */
  readonly subjectPrefix: string;
  /** How long the stream keeps a message. */
  readonly maxAgeHours: number;
  /** The stream's size and message limits (oldest dropped first); -1 is unlimited. */
  readonly maxBytes: number;
  readonly maxMessages: number;
  /** How long JetStream remembers a `Nats-Msg-Id` to drop a republished event; longer than a relay takeover. */
  readonly duplicateWindowSeconds: number;
  readonly replicas: number;
  /** How long one publish waits for the stream's ack before the relay stops and retries later. */
  readonly publishTimeoutMs: number;
}

/**
 * The one typed configuration object. `process.env` is read only by `loadConfig`,
 * called once in `main.ts` (and by the test harness with its own map).
 */
export interface AppConfig {
  readonly env: 'development' | 'production' | 'test';
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly logLevel: LogLevel;
  /** `json` (one JSON object a line, for machines) or `pretty` (one readable line, for a terminal). */
  readonly logFormat: LogFormat;
  readonly bodyLimitBytes: number;
  readonly corsOrigins: readonly string[];
  /** Behind a reverse proxy: take the client IP from X-Forwarded-For. */
  readonly trustProxy: boolean;
  /** Swagger UI at /api/docs and the OpenAPI document at /api/docs-json. */
  readonly apiDocsEnabled: boolean;
  /** The built web console (`npm run build:console`), served at `/` when its index.html is there. */
  readonly consoleDir: string;
  readonly database: DatabaseConfig;
  readonly auth: AuthConfig;
  readonly rateLimit: RateLimitConfig;
  readonly scheduler: SchedulerConfig;
  readonly webhooks: WebhooksConfig;
  readonly seedDemoData: boolean;
  readonly nats: NatsConfig;
  /** How long sequenced events stay readable in the change feed (and pending for the relay). */
  readonly outboxRetentionHours: number;
  readonly redisUrl: string | undefined;
}

export type LogFormat = 'json' | 'pretty';

/**
 * Reads the configuration from `source` (the environment). `terminal` tells whether stdout is
 * a terminal: logs default to `pretty` there (outside production and CI), to JSON elsewhere.
 */
export function loadConfig(
  source: Readonly<Record<string, string | undefined>>,
  terminal: { readonly isTTY?: boolean } = {},
): AppConfig {
  const env = new EnvReader(source);
  const nodeEnv = env.oneOf('NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const databaseUrl = env.url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const jwtSecret = env.optionalString('JWT_SECRET');
  if (databaseUrl !== undefined) {
    env.require('JWT_SECRET', jwtSecret !== undefined, 'is required when DATABASE_URL is set');
  }
  if (jwtSecret !== undefined) {
    env.require('JWT_SECRET', jwtSecret.length >= 32, 'must be at least 32 characters');
  }
  const mfaEncryptionKey = env.optionalString('MFA_ENCRYPTION_KEY');
  if (mfaEncryptionKey !== undefined) {
    env.require('MFA_ENCRYPTION_KEY', mfaEncryptionKey.length >= 32, 'must be at least 32 characters');
  }
  const accessTokenTtlSeconds = env.int('ACCESS_TOKEN_TTL_SECONDS', 900, { min: 60, max: 86_400 });
  const sessionIdleTimeoutSeconds = env.int('SESSION_IDLE_TIMEOUT_SECONDS', 1_800, { min: 120, max: 31_536_000 });
  // An active client refreshes at least once per access-token lifetime; a shorter idle timeout
  // would end sessions that are in use.
  env.require(
    'SESSION_IDLE_TIMEOUT_SECONDS',
    sessionIdleTimeoutSeconds > accessTokenTtlSeconds,
    'must be longer than ACCESS_TOKEN_TTL_SECONDS',
  );
  const config: AppConfig = {
    env: nodeEnv,
    host: env.string('HOST', '0.0.0.0'),
    port: env.int('PORT', 3000, { min: 0, max: 65535 }),
    dataDir: env.string('DATA_DIR', './data'),
    logLevel: env.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    logFormat: env.oneOf(
      'LOG_FORMAT',
      ['json', 'pretty'] as const,
      terminal.isTTY === true && nodeEnv !== 'production' && (source.CI ?? '') === '' ? 'pretty' : 'json',
    ),
    bodyLimitBytes: env.int('BODY_LIMIT_BYTES', 1_048_576, { min: 1024, max: 104_857_600 }),
    corsOrigins: env.list('CORS_ORIGINS'),
    trustProxy: env.bool('TRUST_PROXY', false),
    apiDocsEnabled: env.bool('API_DOCS_ENABLED', true),
    consoleDir: env.string('CONSOLE_DIR', './apps/console/dist'),
    database: {
      url: databaseUrl,
      poolSize: env.int('DATABASE_POOL_SIZE', 10, { min: 1, max: 200 }),
      runMigrations: env.bool('MIGRATIONS_RUN', true),
      logQueries: env.bool('DATABASE_LOG_QUERIES', false),
      logQueryParameters: env.bool('DATABASE_LOG_QUERY_PARAMETERS', false),
      preparedStatements: env.bool('DATABASE_PREPARED_STATEMENTS', true),
    },
    auth: {
      jwtSecret,
      jwtIssuer: env.string('JWT_ISSUER', 'clientele'),
      jwtAudience: env.string('JWT_AUDIENCE', 'clientele-api'),
      accessTokenTtlSeconds,
      // OWASP ASVS level 2 (3.3.2): log in again after 12 hours, or 30 minutes idle.
      refreshTokenTtlSeconds: env.int('REFRESH_TOKEN_TTL_SECONDS', 43_200, { min: 300, max: 31_536_000 }),
      signupEnabled: env.bool('SIGNUP_ENABLED', true),
      cookieSecure: env.bool('COOKIE_SECURE', nodeEnv === 'production'),
      sessionIdleTimeoutSeconds,
      mfaIssuer: env.string('MFA_ISSUER', 'Clientele'),
      mfaEncryptionKey,
      loginMaxFailures: env.int('LOGIN_MAX_FAILURES', 5, { min: 1, max: 100 }),
      loginFailureWindowSeconds: env.int('LOGIN_FAILURE_WINDOW_SECONDS', 900, { min: 1, max: 86_400 }),
      loginLockoutSeconds: env.int('LOGIN_LOCKOUT_SECONDS', 900, { min: 1, max: 86_400 }),
      actorCacheTtlMs: env.int('ACTOR_CACHE_TTL_MS', 3_000, { min: 0, max: 60_000 }),
    },
    rateLimit: {
      enabled: env.bool('RATE_LIMIT_ENABLED', true),
      windowSeconds: env.int('RATE_LIMIT_WINDOW_SECONDS', 60, { min: 1, max: 86_400 }),
      perIp: env.int('RATE_LIMIT_PER_IP', 1_200, { min: 1, max: 10_000_000 }),
      perActor: env.int('RATE_LIMIT_PER_ACTOR', 600, { min: 1, max: 10_000_000 }),
      authPerIp: env.int('RATE_LIMIT_AUTH_PER_IP', 20, { min: 1, max: 10_000_000 }),
      keyPrefix: env.string('RATE_LIMIT_KEY_PREFIX', 'clientele:rl:'),
    },
    scheduler: {
      enabled: env.bool('SCHEDULER_ENABLED', true),
      outboxSequenceIntervalMs: env.int('OUTBOX_SEQUENCE_INTERVAL_MS', 1_000, { min: 50, max: 3_600_000 }),
      idempotencyCleanupIntervalMs: env.int('IDEMPOTENCY_CLEANUP_INTERVAL_MS', 600_000, {
        min: 1_000,
        max: 86_400_000,
      }),
      outboxRetentionIntervalMs: env.int('OUTBOX_RETENTION_INTERVAL_MS', 300_000, { min: 1_000, max: 86_400_000 }),
      outboxRelayIntervalMs: env.int('OUTBOX_RELAY_INTERVAL_MS', 200, { min: 50, max: 3_600_000 }),
      billingRunIntervalMs: env.int('BILLING_RUN_INTERVAL_MS', 0, { min: 0, max: 86_400_000 }),
    },
    webhooks: {
      allowPrivateTargets: env.bool('WEBHOOK_ALLOW_PRIVATE_TARGETS', false),
      timeoutMs: env.int('WEBHOOK_TIMEOUT_MS', 10_000, { min: 100, max: 60_000 }),
      maxAttempts: env.int('WEBHOOK_MAX_ATTEMPTS', 12, { min: 1, max: 50 }),
      retryBaseMs: env.int('WEBHOOK_RETRY_BASE_MS', 30_000, { min: 10, max: 3_600_000 }),
      retryMaxMs: env.int('WEBHOOK_RETRY_MAX_MS', 21_600_000, { min: 10, max: 86_400_000 }),
      disableAfterDead: env.int('WEBHOOK_DISABLE_AFTER_DEAD', 5, { min: 1, max: 1_000 }),
      deliveryIntervalMs: env.int('WEBHOOK_DELIVERY_INTERVAL_MS', 1_000, { min: 50, max: 3_600_000 }),
    },
    seedDemoData: env.bool('SEED_DEMO_DATA', true),
    nats: {
      url: env.url('NATS_URL', ['nats:', 'tls:']),
      stream: env.string('NATS_STREAM', 'CLIENTELE'),
      subjectPrefix: env.string('NATS_SUBJECT_PREFIX', 'clientele'),
      maxAgeHours: env.int('NATS_STREAM_MAX_AGE_HOURS', 168, { min: 1, max: 87_600 }),
      maxBytes: env.int('NATS_STREAM_MAX_BYTES', -1, { min: -1, max: Number.MAX_SAFE_INTEGER }),
      maxMessages: env.int('NATS_STREAM_MAX_MSGS', -1, { min: -1, max: Number.MAX_SAFE_INTEGER }),
      duplicateWindowSeconds: env.int('NATS_STREAM_DUPLICATE_WINDOW_SECONDS', 600, { min: 10, max: 86_400 }),
      replicas: env.int('NATS_STREAM_REPLICAS', 1, { min: 1, max: 5 }),
      publishTimeoutMs: env.int('NATS_PUBLISH_TIMEOUT_MS', 5_000, { min: 100, max: 60_000 }),
    },
    outboxRetentionHours: env.int('OUTBOX_RETENTION_HOURS', 168, { min: 1, max: 87_600 }),
    redisUrl: env.url('REDIS_URL', ['redis:', 'rediss:']),
  };
  env.require('NATS_STREAM', /^[A-Za-z0-9_-]{1,64}$/.test(config.nats.stream), 'must be letters, digits, - or _');
  env.require(
    'NATS_SUBJECT_PREFIX',
    /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(config.nats.subjectPrefix),
    'must be dot-separated tokens of letters, digits, - or _',
  );
  env.assertValid();
  return config;
}
