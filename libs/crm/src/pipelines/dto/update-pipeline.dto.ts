import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { OptionalNonNull } from '@clientele/core';

/** Renames a pipeline; its stages change through `…/stages`. */
export class UpdatePipelineDto {
  @OptionalNonNull()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name?: string;
}
