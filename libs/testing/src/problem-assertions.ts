import { expect } from 'vitest';

interface ResponseLike {
  status: number;
  headers: Record<string, string | undefined>;
  body: unknown;
}

/** Asserts an RFC 9457 problem response with this status and code (and, if given, field errors). */
export function expectProblem(response: ResponseLike, status: number, code: string, fields?: string[]): void {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = response.body as {
    status: number;
    code: string;
    title: string;
    type: string;
    errors?: Array<{ field: string }>;
  };
  expect(body).toMatchObject({ status, code });
  expect(typeof body.title).toBe('string');
  expect(body.type).toMatch(/^https:\/\//);
  if (fields !== undefined) {
    expect((body.errors ?? []).map((error) => error.field)).toEqual(expect.arrayContaining(fields));
  }
}
