import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@clientele/testing';

describe('the web console files', () => {
  const built = mkdtempSync(join(tmpdir(), 'clientele-console-'));
  let withConsole: TestApp;
  let without: TestApp;

  beforeAll(async () => {
    mkdirSync(join(built, 'assets'));
    writeFileSync(join(built, 'index.html'), '<!doctype html><title>Clientele</title>');
    writeFileSync(join(built, 'assets', 'index-abc123.js'), 'console.log(1)');
    withConsole = await createTestApp({ CONSOLE_DIR: built });
    without = await createTestApp({ CONSOLE_DIR: join(built, 'missing') });
  });
  afterAll(async () => {
    await withConsole.close();
    await without.close();
    rmSync(built, { recursive: true, force: true });
  });

  it('serves index.html at / (revalidated) and the hashed assets (cached for a year)', async () => {
    const index = await withConsole.http.get('/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toMatch(/^text\/html/);
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.text).toContain('<title>Clientele</title>');
    const asset = await withConsole.http.get('/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('leaves every other path to the API: its index, its problem+json 404s', async () => {
    const api = await withConsole.http.get('/api');
    expect(api.status).toBe(200);
    const missing = await withConsole.http.get('/nothing-here.js');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    const apiMissing = await withConsole.http.get('/api/nothing-here');
    expect(apiMissing.status).toBe(404);
    expect(apiMissing.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('without a built console the API starts and / is a problem+json 404', async () => {
    const index = await without.http.get('/');
    expect(index.status).toBe(404);
    expect(index.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await without.http.get('/api/health')).status).toBe(200);
  });
});
