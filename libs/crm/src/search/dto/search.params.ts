import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayNotEmpty, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateBy } from 'class-validator';
import { splitQueryList } from '@clientele/core';
import { SearchSections } from '../search-sections';

export const DEFAULT_SEARCH_LIMIT = 10;
export const MAX_SEARCH_LIMIT = 50;

export class SearchParams {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'jane doe' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 200, { message: 'q must be 1 to 200 characters' })
  q: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_SEARCH_LIMIT, default: DEFAULT_SEARCH_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_SEARCH_LIMIT)
  limit?: number;

  // Keys of `SearchSections`, documented with them by `describeSearchApi` once all are registered.
  @IsOptional()
  @Transform(splitQueryList)
  @ArrayNotEmpty()
  @ValidateBy(
    {
      name: 'isSearchSection',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && SearchSections.has(value),
        defaultMessage: () => `types must be among ${SearchSections.keys().join(', ')}`,
      },
    },
    { each: true },
  )
  types?: string[];

  /** Narrows the search to one organization (as does `X-Organization-Id`). */
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}
