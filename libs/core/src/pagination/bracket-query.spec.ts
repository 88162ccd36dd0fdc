import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/domain-error';
import { parseBracketQuery } from './bracket-query';

describe('parseBracketQuery', () => {
  it('nests bracketed keys and keeps plain ones', () => {
    expect(
      parseBracketQuery({ take: '10', 'where[name]': 'Acme', 'where[contactType]': 'LEAD', 'order[name]': 'ASC' }),
    ).toEqual({ take: '10', where: { name: 'Acme', contactType: 'LEAD' }, order: { name: 'ASC' } });
  });

  it('collects list keys, with [] or indices, repeated or single', () => {
    expect(parseBracketQuery({ 'relations[]': ['tags', 'members'] })).toEqual({ relations: ['tags', 'members'] });
    expect(parseBracketQuery({ 'relations[]': 'tags' })).toEqual({ relations: ['tags'] });
    expect(parseBracketQuery({ 'relations[0]': 'tags', 'relations[1]': 'members' })).toEqual({
      relations: ['tags', 'members'],
    });
    expect(parseBracketQuery({ 'where[tags][]': ['a', 'b'] })).toEqual({ where: { tags: ['a', 'b'] } });
  });

  it('refuses a key that is both a value and a group, and prototype keys', () => {
    expect(() => parseBracketQuery({ where: 'x', 'where[name]': 'y' })).toThrow(ValidationError);
    expect(() => parseBracketQuery({ 'where[__proto__]': 'x' })).toThrow(ValidationError);
    expect(() => parseBracketQuery({ 'a[b][c][d][e][f]': 'x' })).toThrow(ValidationError);
  });

  it('leaves odd keys that are not bracket paths alone', () => {
    expect(parseBracketQuery({ 'a]b': '1', '[x]': '2' })).toEqual({ 'a]b': '1', '[x]': '2' });
  });
});
