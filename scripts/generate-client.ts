import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * `@clientele/client` from the app's OpenAPI document: the document itself
 * (`libs/client/openapi.json`) and its types (`libs/client/src/schema.ts`, by openapi-typescript,
 * the version of package.json's devDependencies). What `npm run client:generate` writes and
 * `npm run client:check` (CI) compares with the checked-in copy.
 */
export const CLIENT_DIR = resolve(__dirname, '../libs/client');
export const DOCUMENT_FILE = join(CLIENT_DIR, 'openapi.json');
export const SCHEMA_FILE = join(CLIENT_DIR, 'src/schema.ts');
const GENERATOR = resolve(__dirname, '../node_modules/.bin/openapi-typescript');

export interface GeneratedClient {
  readonly document: string;
  /** Undefined when openapi-typescript is not installed (`npm ci` installs it). */
  readonly schema: string | undefined;
}

/** The checked-in form of a document: stable key order as served, two-space JSON. */
export function documentText(document: object): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

export async function generateClient(document: object): Promise<GeneratedClient> {
  const text = documentText(document);
  if (!existsSync(GENERATOR)) return { document: text, schema: undefined };
  const dir = await mkdtemp(join(tmpdir(), 'clientele-client-'));
  try {
    const input = join(dir, 'openapi.json');
    const output = join(dir, 'schema.ts');
    await writeFile(input, text);
    execFileSync(GENERATOR, [input, '--output', output], { stdio: 'pipe' });
    return { document: text, schema: await readFile(output, 'utf8') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Writes what `generateClient` made (the schema only when it was made). */
export async function writeClient(generated: GeneratedClient): Promise<void> {
  await writeFile(DOCUMENT_FILE, generated.document);
  if (generated.schema !== undefined) await writeFile(SCHEMA_FILE, generated.schema);
}
