import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { LIST_FORMATS, type ListFormat, PageParams } from '@clientele/core';
import { CONTACT_KINDS, type ContactKind } from '../../contact-kind';
import { queryBoolean } from './query-boolean.transform';

/** The portal's contact list filters (`kind`, `status`, `ownerId`, `customerId`, `tag`, `isActive`, `q`). */
export class ListCrmContactsParams extends PageParams {
  /** Name, e-mail, phone or company name contains (case-insensitive), e.g. `jane` or `acmecorp.com`. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: CONTACT_KINDS })
  @IsOptional()
  @IsIn(CONTACT_KINDS)
  kind?: ContactKind;

  /** A contact status (case-insensitive), e.g. Active. */
  @IsOptional()
  @IsString()
  @MaxLength(50)
  status?: string;

  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @IsOptional()
  @IsUUID()
  customerId?: string;

  /** A tag id, or a tag name (case-insensitive). */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  tag?: string;

  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  isActive?: boolean;

  /** Only this organization's contacts (default: every organization you may view). */
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({
    enum: LIST_FORMATS,
    default: 'json',
    description:
      '`csv` or `ndjson` download the whole filtered list (paging ignored, `sort` kept) as `contacts-YYYY-MM-DD.csv`.',
  })
  @IsOptional()
  @IsIn(LIST_FORMATS)
  format?: ListFormat;
}
