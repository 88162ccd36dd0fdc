import { join } from 'node:path';
import { tmpdir } from 'node:os';

/**
 * How the suite reaches PostgreSQL: `TEST_DATABASE_URL` (real PostgreSQL; each test file gets
 * a database cloned from a migrated template) or, unset, embedded PGlite (each test file gets
 * an instance loaded from a migrated snapshot). Read once here, in the test process.
 */
export const TEST_DATABASE_URL: string | undefined = process.env.TEST_DATABASE_URL?.trim() || undefined;

/** Shared between the global setup and the test files of one run. */
export function runId(): string {
  return process.env.CLIENTELE_TEST_RUN ?? String(process.pid);
}

export function templateDatabaseName(): string {
  return `clientele_tpl_${runId()}`;
}

export function embeddedSnapshotPath(): string {
  return join(tmpdir(), `clientele-test-${runId()}.tar`);
}
