import { OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { OptionalNonNull } from '@clientele/core';
import { CreateProjectDto } from './create-project.dto';

/** Fields left out keep their value; `null` clears an optional one; `contactIds` replaces the set (`[]` clears). */
export class UpdateProjectDto extends PartialType(OmitType(CreateProjectDto, ['name', 'organizationId']), {
  skipNullProperties: false,
}) {
  @OptionalNonNull()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;
}
