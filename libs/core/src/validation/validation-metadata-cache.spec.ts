import { IsInt, IsString, Min, validate, getMetadataStorage } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { memoizeValidationMetadata } from './validation-metadata-cache';

const failed = async (value: object): Promise<string[]> =>
  (await validate(value)).flatMap((error) =>
    Object.keys(error.constraints ?? {}).map((rule) => `${error.property}:${rule}`),
  );

describe('memoizeValidationMetadata', () => {
  memoizeValidationMetadata();

  it('validates as class-validator does, own and inherited rules, however often', async () => {
    class Page {
      @IsInt()
      @Min(1)
      limit!: unknown;
    }
    class Search extends Page {
      @IsString()
      q!: unknown;
    }
    const search = Object.assign(new Search(), { limit: 0, q: 5 });
    for (let run = 0; run < 3; run += 1) {
      expect((await failed(search)).sort()).toEqual(['limit:min', 'q:isString']);
    }
    expect((await failed(Object.assign(new Page(), { limit: 'x' }))).sort()).toEqual(['limit:isInt', 'limit:min']);
    expect(await failed(Object.assign(new Search(), { limit: 2, q: 'ok' }))).toEqual([]);
  });

  it('forgets what it remembered when a rule is registered later', async () => {
    class Late {
      @IsInt()
      count!: unknown;
    }
    const late = Object.assign(new Late(), { count: 1, label: 7 });
    expect(await failed(late)).toEqual([]);
    IsString()(Late.prototype, 'label');
    expect(await failed(late)).toEqual(['label:isString']);
  });

  it('patches the storage once', () => {
    const storage = getMetadataStorage();
    const lookUp = (): unknown =>
      Object.getOwnPropertyDescriptor(storage, 'getTargetValidationMetadatas')?.value as unknown;
    const patched = lookUp();
    expect(typeof patched).toBe('function');
    memoizeValidationMetadata();
    expect(lookUp()).toBe(patched);
  });
});
