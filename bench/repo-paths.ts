import { join, resolve } from 'node:path';

/** The repository root: this file runs compiled from `dist/bench/`. */
export const REPO_ROOT = resolve(__dirname, '..', '..');

/** A file of the Nest build (`npm run build`), e.g. `libs/core/src/index.js`. */
export function builtFile(relative: string): string {
  return join(REPO_ROOT, 'dist', relative);
}
