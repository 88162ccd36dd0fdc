import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
/** Deep offsets are slow by nature; beyond this, walk with `cursor`. */
export const MAX_OFFSET = 10_000;

/** The paging part of every list's query (`limit`/`offset` or `cursor`, and `sort`). */
export class PageParams {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: MAX_OFFSET,
    default: 0,
    description: `Rows to skip. Beyond ${MAX_OFFSET}, use \`cursor\`.`,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET, { message: `offset must not be greater than ${MAX_OFFSET}; walk further with cursor` })
  offset?: number;

  @ApiPropertyOptional({ description: 'Opaque keyset cursor: the `nextCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  cursor?: string;

  @ApiPropertyOptional({ description: 'A sortable field, `-` first for descending, e.g. `-createdAt`.' })
  @IsOptional()
  @IsString()
  @Matches(/^-?[A-Za-z]+$/, { message: 'sort must be a field name, optionally prefixed with -' })
  sort?: string;
}
