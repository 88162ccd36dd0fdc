import { Foundation1764000000000 } from './1764000000000-foundation';

/**
 * Every migration, oldest first. Listed explicitly (not globbed) so the app, the CLI and the
 * test harness run the same set whether from TypeScript sources or the build.
 */
export const MIGRATIONS = [Foundation1764000000000];
