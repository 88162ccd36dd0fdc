import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectProblem, type TestApp } from '@clientele/testing';

/** `depth` nested arrays: `[[[…]]]`. */
function nestedArrays(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

describe('hostile input', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('deeply nested JSON', () => {
    it('refuses a body nested deeper than 32 levels with 400 JSON_TOO_DEEP, unauthenticated, before any transformation', async () => {
      const response = await t.http
        .post('/api/auth/login')
        .set('content-type', 'application/json')
        .send(nestedArrays(3000));
      expectProblem(response, 400, 'JSON_TOO_DEEP', ['body']);
      const objects = await t.http
        .post('/api/auth/login')
        .set('content-type', 'application/json')
        .send(`{"email":${'{"a":'.repeat(33)}1${'}'.repeat(33)},"password":"x"}`);
      expectProblem(objects, 400, 'JSON_TOO_DEEP', ['body']);
    });

    it('parses 32 levels as usual (then the DTO rules answer), and ignores brackets inside strings', async () => {
      expectProblem(
        await t.http
          .post('/api/auth/login')
          .set('content-type', 'application/json')
          .send(`{"email":${nestedArrays(31)},"password":"x"}`),
        400,
        'VALIDATION_FAILED',
        ['email'],
      );
      const inString = `${'['.repeat(60)}"\\"${'{'.repeat(60)}`;
      expectProblem(
        await t.http.post('/api/auth/login').send({ email: 'nobody@example.test', password: inString }),
        401,
        'INVALID_CREDENTIALS',
      );
    });

    it('keeps refusing malformed JSON and prototype poisoning as before', async () => {
      expectProblem(
        await t.http.post('/api/auth/login').set('content-type', 'application/json').send('{"email":'),
        400,
        'MALFORMED_JSON',
      );
      const poisoned = await t.http
        .post('/api/auth/login')
        .set('content-type', 'application/json')
        .send('{"email":"a@example.test","password":"x","__proto__":{"admin":true}}');
      expect(poisoned.status).toBe(400);
      expect(poisoned.headers['content-type']).toMatch(/^application\/problem\+json/);
    });
  });
});
