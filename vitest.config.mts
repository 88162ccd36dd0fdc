import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import swc from 'unplugin-swc';
import { configDefaults, defineConfig } from 'vitest/config';

// An ES module (hence .mts): Vite loads it natively, without the CommonJS-config warning.
const root = dirname(fileURLToPath(import.meta.url));

/**
 * Suites that need a PostgreSQL server (they end its backends, or share it between two API
 * processes): a run on the embedded database (no `TEST_DATABASE_URL`) leaves them out; CI runs them.
 */
const POSTGRES_SERVER_ONLY = [
  'test/chaos-postgres.e2e-spec.ts',
  'test/chaos-redis.e2e-spec.ts',
  'test/relay-failover.e2e-spec.ts',
  'test/billing-two-processes.e2e-spec.ts',
];
const onPostgresServer = Boolean(process.env.TEST_DATABASE_URL?.trim());

export default defineConfig({
  plugins: [
    // Nest's dependency injection needs decorator metadata, which esbuild/oxc do not emit.
    swc.vite({
      module: { type: 'es6' },
      jsc: {
        target: 'es2022',
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      },
    }),
  ],
  resolve: {
    alias: [
      { find: /^@clientele\/core$/, replacement: resolve(root, 'libs/core/src/index.ts') },
      { find: /^@clientele\/core\/(.*)$/, replacement: resolve(root, 'libs/core/src/$1') },
      { find: /^@clientele\/crm$/, replacement: resolve(root, 'libs/crm/src/index.ts') },
      { find: /^@clientele\/crm\/(.*)$/, replacement: resolve(root, 'libs/crm/src/$1') },
      { find: /^@clientele\/testing$/, replacement: resolve(root, 'libs/testing/src/index.ts') },
      { find: /^@clientele\/api$/, replacement: resolve(root, 'apps/api/src/create-app.ts') },
      { find: /^@clientele\/client$/, replacement: resolve(root, 'libs/client/src/index.ts') },
      { find: /^@clientele\/client\/(.*)$/, replacement: resolve(root, 'libs/client/src/$1') },
    ],
  },
  test: {
    include: ['test/**/*.e2e-spec.ts', 'libs/**/*.spec.ts', 'apps/**/*.spec.ts'],
    exclude: onPostgresServer ? configDefaults.exclude : [...configDefaults.exclude, ...POSTGRES_SERVER_ONLY],
    globalSetup: ['libs/testing/src/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The Nest app, its pool and the database live for one file; tests inside run in order.
    sequence: { concurrent: false },
  },
});
