import { OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { OptionalNonNull } from '@clientele/core';
import { CreateDealDto } from './create-deal.dto';

/**
 * Fields left out keep their value; `null` clears an optional one (`probability: null` goes back
 * to the stage's); `tags`/`tagIds` replace the set. The stage changes through `PATCH …/stage`.
 */
export class UpdateDealDto extends PartialType(
  OmitType(CreateDealDto, ['title', 'pipelineId', 'stageId', 'organizationId']),
  { skipNullProperties: false },
) {
  @OptionalNonNull()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;
}
