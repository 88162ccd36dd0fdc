import { describe, expect, it } from 'vitest';
import { jsonNestsDeeperThan } from './json-depth';

const deeper = (text: string, limit = 3): boolean => jsonNestsDeeperThan(Buffer.from(text), limit);

describe('jsonNestsDeeperThan', () => {
  it('counts arrays and objects together, up to the limit included', () => {
    expect(deeper('[{"a":[1]}]')).toBe(false);
    expect(deeper('[{"a":[[1]]}]')).toBe(true);
    expect(deeper('[[],[],[],[]]')).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(deeper('["[[[[{{{{"]')).toBe(false);
    expect(deeper('["\\"[[[[", "\\\\"]')).toBe(false);
    expect(deeper('["\\\\", [[[1]]]]')).toBe(true);
  });

  it('reads multi-byte UTF-8 text as it is', () => {
    expect(deeper('{"name":"Zoë ＝ [«»]"}')).toBe(false);
  });
});
