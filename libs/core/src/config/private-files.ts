import { chmod, lstat, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Creates `path` (and missing parents) readable only by this user, and tightens it if it exists. */
export async function makePrivateDirectory(path: string): Promise<void> {
  await mkdir(path, { recursive: true, mode: 0o700 });
  await chmod(path, 0o700);
}

/**
 * Directories 0700 and files 0600 under `root`, itself included: PGlite writes most of its data
 * directory 0666 whatever the umask. Symbolic links are left alone (never followed).
 */
export async function restrictToOwner(root: string): Promise<void> {
  const info = await lstat(root);
  if (info.isSymbolicLink()) return;
  if (info.isDirectory()) {
    if ((info.mode & 0o777) !== 0o700) await chmod(root, 0o700);
    for (const name of await readdir(root)) await restrictToOwner(join(root, name));
    return;
  }
  if ((info.mode & 0o177) !== 0) await chmod(root, 0o600);
}
