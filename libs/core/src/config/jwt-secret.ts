import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppConfig } from './app-config';
import { makePrivateDirectory } from './private-files';

/**
 * In embedded mode a missing JWT secret is generated once and kept in the data directory,
 * so restarts keep sessions valid. With DATABASE_URL the secret is required by `loadConfig`.
 */
export async function withJwtSecret(config: AppConfig): Promise<AppConfig> {
  if (config.auth.jwtSecret !== undefined) return config;
  await makePrivateDirectory(config.dataDir);
  const file = join(config.dataDir, 'jwt-secret');
  let secret: string;
  try {
    secret = (await readFile(file, 'utf8')).trim();
  } catch {
    secret = randomBytes(48).toString('base64url');
    await writeFile(file, `${secret}\n`, { mode: 0o600 });
  }
  return { ...config, auth: { ...config.auth, jwtSecret: secret } };
}
