import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, openApiDocument, type TestApp } from '@clientele/testing';
import { DOCUMENT_FILE, generateClient, SCHEMA_FILE, writeClient } from '../scripts/generate-client';

/**
 * CI's drift check: `@clientele/client` is regenerated from the running app's OpenAPI document
 * and must equal the checked-in copy. `CLIENT_WRITE=1` (npm run client:generate) writes it instead.
 */
describe('@clientele/client is generated from the app', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ API_DOCS_ENABLED: 'true' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('matches the checked-in document and types (npm run client:generate updates them)', async () => {
    const generated = await generateClient(await openApiDocument(t.app));
    if (process.env.CLIENT_WRITE === '1') await writeClient(generated);
    expect(await readFile(DOCUMENT_FILE, 'utf8')).toBe(generated.document);
    // Without openapi-typescript installed only the document is compared; CI runs after `npm ci`.
    const schema = generated.schema ?? (await readFile(SCHEMA_FILE, 'utf8'));
    expect(await readFile(SCHEMA_FILE, 'utf8')).toBe(schema);
  }, 180_000);
});
