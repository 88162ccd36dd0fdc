import { describe, expect, it } from 'vitest';
import { optimalStringAlignmentDistance, typoSimilarity } from './typo-similarity';

describe('optimalStringAlignmentDistance', () => {
  it.each([
    ['jane', 'jane', 0],
    ['jnae', 'jane', 1],
    ['jane', 'john', 3],
    ['', 'doe', 3],
    ['kitten', 'sitting', 3],
    ['ca', 'abc', 3],
    ['zoë', 'zoe', 1],
  ])('%s → %s is %i', (a, b, distance) => {
    expect(optimalStringAlignmentDistance(a, b)).toBe(distance);
    expect(optimalStringAlignmentDistance(b, a)).toBe(distance);
  });
});

describe('typoSimilarity', () => {
  it('scores a transposed name above a different one that shares as many trigrams', () => {
    const typed = ['jnae', 'doe'];
    expect(typoSimilarity(typed, ['jane', 'doe'])).toBeCloseTo(0.875);
    expect(typoSimilarity(typed, ['jane', 'doe'])).toBeGreaterThan(typoSimilarity(typed, ['joan', 'doe']));
    expect(typoSimilarity(typed, ['joan', 'doe'])).toBeGreaterThan(typoSimilarity(typed, ['john', 'doe']));
  });

  it('matches each typed word with its best word, in any order', () => {
    expect(typoSimilarity(['doe', 'jane'], ['jane', 'mary', 'doe'])).toBe(1);
  });

  it('is 0 with nothing to compare', () => {
    expect(typoSimilarity([], ['jane'])).toBe(0);
    expect(typoSimilarity(['jane'], [])).toBe(0);
  });
});
