import { describe, expect, it } from 'vitest';
import { defaultStageProbability, isPermutationOf, stageKindsProblem } from './pipeline-stage-rules';

describe('pipeline stage rules', () => {
  it('accepts at least one OPEN stage with exactly one WON and one LOST', () => {
    expect(stageKindsProblem(['OPEN', 'WON', 'LOST'])).toBeNull();
    expect(stageKindsProblem(['OPEN', 'OPEN', 'OPEN', 'LOST', 'WON'])).toBeNull();
  });

  it('names what is missing or doubled', () => {
    expect(stageKindsProblem(['WON', 'LOST'])).toMatch(/OPEN/);
    expect(stageKindsProblem(['OPEN', 'LOST'])).toMatch(/one WON/);
    expect(stageKindsProblem(['OPEN', 'WON', 'WON', 'LOST'])).toMatch(/one WON/);
    expect(stageKindsProblem(['OPEN', 'WON'])).toMatch(/one LOST/);
    expect(stageKindsProblem(['OPEN', 'WON', 'LOST', 'LOST'])).toMatch(/one LOST/);
  });

  it('defaults the probability of closing stages only', () => {
    expect(defaultStageProbability('WON')).toBe(100);
    expect(defaultStageProbability('LOST')).toBe(0);
    expect(defaultStageProbability('OPEN')).toBeUndefined();
  });

  it('takes a reorder only when it names every stage once', () => {
    expect(
      isPermutationOf(
        ['B', 'a'].map((id) => id.toLowerCase()),
        ['a', 'b'],
      ),
    ).toBe(true);
    expect(isPermutationOf(['A', 'B'], ['a', 'b'])).toBe(true);
    expect(isPermutationOf(['a'], ['a', 'b'])).toBe(false);
    expect(isPermutationOf(['a', 'a'], ['a', 'b'])).toBe(false);
    expect(isPermutationOf(['a', 'c'], ['a', 'b'])).toBe(false);
  });
});
