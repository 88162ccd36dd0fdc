import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { OptionalNonNull } from '@clientele/core';
import { TagRefDto } from './tag-ref.dto';

/** How many tags one record may carry in a body. */
export const MAX_TAGS_PER_RECORD = 50;

/** `nullable: false` refuses `null` (send `[]` to clear); contacts take `null` as "no tags". */
export interface TagFieldOptions {
  readonly nullable?: boolean;
}

const optional = ({ nullable = true }: TagFieldOptions): PropertyDecorator =>
  nullable ? IsOptional() : OptionalNonNull();

/**
 * `tags: [{ "id": "…" }]` (Gauzy's shape) on a record body: optional, at most
 * {@link MAX_TAGS_PER_RECORD}, each a tag reference. The property's comment still documents it;
 * the limits are stated here for the OpenAPI document, because the swagger plugin reads
 * class-validator limits only from decorators written on the property itself.
 */
export function TagRefsField(options: TagFieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: () => [TagRefDto], maxItems: MAX_TAGS_PER_RECORD }),
    optional(options),
    IsArray(),
    ArrayMaxSize(MAX_TAGS_PER_RECORD),
    ValidateNested({ each: true }),
    Type(() => TagRefDto),
  );
}

/** `tagIds: ["…"]`, the flat alternative to {@link TagRefsField}: optional, at most 50 tag ids. */
export function TagIdsField(options: TagFieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: MAX_TAGS_PER_RECORD }),
    optional(options),
    IsArray(),
    ArrayMaxSize(MAX_TAGS_PER_RECORD),
    IsUUID(undefined, { each: true }),
  );
}
