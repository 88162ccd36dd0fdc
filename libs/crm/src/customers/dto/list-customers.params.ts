import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { LIST_FORMATS, type ListFormat, PageParams } from '@clientele/core';
import { CONTACT_KINDS, type ContactKind } from '../../contact-kind';

export class ListCustomersParams extends PageParams {
  /** Name or primary domain contains (case-insensitive). */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: CONTACT_KINDS })
  @IsOptional()
  @IsIn(CONTACT_KINDS)
  kind?: ContactKind;

  /** A tag id, or a tag name (case-insensitive). */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  tag?: string;

  @IsOptional()
  @IsUUID()
  ownerId?: string;

  /** Only this organization's customers (default: every organization you may view). */
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({
    enum: LIST_FORMATS,
    default: 'json',
    description:
      '`csv` or `ndjson` download the whole filtered list (paging ignored, `sort` kept) as `customers-YYYY-MM-DD.csv`.',
  })
  @IsOptional()
  @IsIn(LIST_FORMATS)
  format?: ListFormat;
}
