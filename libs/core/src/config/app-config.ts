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
  readonly bodyLimitBytes: number;
  readonly corsOrigins: readonly string[];
  readonly database: DatabaseConfig;
  readonly auth: AuthConfig;
  readonly seedDemoData: boolean;
  readonly natsUrl: string | undefined;
  readonly redisUrl: string | undefined;
}

export function loadConfig(source: Readonly<Record<string, string | undefined>>): AppConfig {
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
  const config: AppConfig = {
    env: nodeEnv,
    host: env.string('HOST', '0.0.0.0'),
    port: env.int('PORT', 3000, { min: 0, max: 65535 }),
    dataDir: env.string('DATA_DIR', './data'),
    logLevel: env.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    bodyLimitBytes: env.int('BODY_LIMIT_BYTES', 1_048_576, { min: 1024, max: 104_857_600 }),
    corsOrigins: env.list('CORS_ORIGINS'),
    database: {
      url: databaseUrl,
      poolSize: env.int('DATABASE_POOL_SIZE', 10, { min: 1, max: 200 }),
      runMigrations: env.bool('MIGRATIONS_RUN', true),
      logQueries: env.bool('DATABASE_LOG_QUERIES', false),
    },
    auth: {
      jwtSecret,
      jwtIssuer: env.string('JWT_ISSUER', 'clientele'),
      jwtAudience: env.string('JWT_AUDIENCE', 'clientele-api'),
      accessTokenTtlSeconds: env.int('ACCESS_TOKEN_TTL_SECONDS', 900, { min: 60, max: 86_400 }),
      refreshTokenTtlSeconds: env.int('REFRESH_TOKEN_TTL_SECONDS', 2_592_000, { min: 300, max: 31_536_000 }),
      signupEnabled: env.bool('SIGNUP_ENABLED', true),
      cookieSecure: env.bool('COOKIE_SECURE', nodeEnv === 'production'),
    },
    seedDemoData: env.bool('SEED_DEMO_DATA', true),
    natsUrl: env.url('NATS_URL', ['nats:', 'tls:']),
    redisUrl: env.url('REDIS_URL', ['redis:', 'rediss:']),
  };
  env.assertValid();
  return config;
}
