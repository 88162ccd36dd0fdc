import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BuiltCore, startEmbeddedDatabase } from '../built-core';
import type { DatasetManifest } from '../generate/dataset-manifest';
import { GENERATOR_VERSION } from '../generate/dataset-manifest';
import { generateDataset } from '../generate/generate-dataset';
import { REPO_ROOT } from '../repo-paths';

export interface EmbeddedCopy {
  /** A throwaway DATA_DIR for the app, holding a copy of the generated data. */
  readonly dataDir: string;
  readonly manifest: DatasetManifest;
  remove(): Promise<void>;
}

/**
 * The same generator, run into the app's embedded database (PGlite) with multi-row INSERTs,
 * cached under `data/bench-embedded/` (PGlite loads slowly), then copied to a temporary
 * DATA_DIR so every run starts from the same files.
 */
export async function prepareEmbeddedCopy(
  core: BuiltCore,
  contacts: number,
  seed: number,
  log: (message: string) => void,
): Promise<EmbeddedCopy> {
  const cache = join(REPO_ROOT, 'data', 'bench-embedded', `v${GENERATOR_VERSION}-${contacts}-${seed}`);
  const manifestFile = join(cache, 'manifest.json');
  if (!existsSync(manifestFile)) {
    await rm(cache, { recursive: true, force: true });
    const started = Date.now();
    log(`generating ${contacts.toLocaleString('en')} contacts into the embedded database (cached in ${cache})`);
    const database = await startEmbeddedDatabase(cache);
    try {
      const manifest = await generateDataset(core, {
        url: database.url,
        contacts,
        seed,
        bulk: 'insert',
        recreateDatabase: false,
        log: (message) => log(`[embedded] ${message}`),
      });
      await writeFile(manifestFile, JSON.stringify(manifest, null, 2));
    } finally {
      await database.stop();
    }
    log(`embedded data set ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as DatasetManifest;
  const dataDir = await mkdtemp(join(tmpdir(), 'clientele-bench-embedded-'));
  await cp(cache, dataDir, { recursive: true });
  return { dataDir, manifest, remove: () => rm(dataDir, { recursive: true, force: true }) };
}
