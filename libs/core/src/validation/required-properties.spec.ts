import { PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MinLength, validate } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { flattenValidationErrors } from '../errors/validation-exception.factory';
import { OptionalNonNull } from './optional-non-null.decorator';
import { requiredProperties } from './required-properties';

class CreateWidget {
  @IsString()
  @MinLength(1)
  name!: string;

  @IsOptional()
  @IsString()
  note?: string;

  @OptionalNonNull()
  @IsIn(['A', 'B'])
  kind?: string;

  @IsIn(['small', 'large'])
  size: string = 'small';
}

class UpdateWidget extends PartialType(CreateWidget) {}

describe('requiredProperties', () => {
  it('requires what has a rule, no condition that skips it when left out, and no default', () => {
    expect(requiredProperties(CreateWidget)).toEqual(['name']);
    expect(requiredProperties(UpdateWidget)).toEqual([]);
  });

  it('answers a required field left out with one error saying so, and a wrong value with its rules', async () => {
    const missing = Object.assign(new CreateWidget(), { note: 'x' }) as Partial<CreateWidget>;
    delete missing.name;
    expect(flattenValidationErrors(await validate(missing))).toEqual([{ field: 'name', message: 'name is required' }]);
    const wrong = Object.assign(new CreateWidget(), { name: 5 });
    expect(flattenValidationErrors(await validate(wrong))).toEqual(
      expect.arrayContaining([{ field: 'name', message: 'name must be a string' }]),
    );
  });
});
