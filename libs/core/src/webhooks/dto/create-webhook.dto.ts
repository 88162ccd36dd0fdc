import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { EVENT_TYPE_PATTERN } from '../../events/event-type-pattern';
import { OptionalNonNull } from '../../validation/optional-non-null.decorator';

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,62}$/;
const FIELD_LIST = {
  type: 'array',
  items: { type: 'string', pattern: FIELD_NAME.source },
  maxItems: 50,
  uniqueItems: true,
} as const;

export class CreateWebhookDto {
  /** Where events are POSTed: an http(s) URL; private and loopback addresses are refused at delivery. */
  @ApiProperty({ format: 'uri', maxLength: 2048, example: 'https://billing.internal.example.com/hooks/clientele' })
  @IsString()
  @MaxLength(2048)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'url must be an http or https URL' },
  )
  url: string;

  /** What the webhook is for. */
  @OptionalNonNull()
  @IsString()
  @MaxLength(200)
  description?: string;

  /** Event types to send: `contact.*`, `deal.stage_changed`, `*` (every type; the default). */
  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', pattern: EVENT_TYPE_PATTERN.source },
    minItems: 1,
    maxItems: 50,
    uniqueItems: true,
    example: ['contact.*', 'deal.stage_changed'],
    default: ['*'],
  })
  @OptionalNonNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @Matches(EVENT_TYPE_PATTERN, { each: true, message: 'types must look like contact.updated, contact.* or *' })
  types?: string[];

  /**
   * Send a change (an event with `changedFields`) only when one of these fields changed, e.g.
   * `["status", "ownerId"]`; creations and deletions are always sent. Every change when left out.
   */
  @ApiPropertyOptional({ ...FIELD_LIST, minItems: 1, example: ['status', 'ownerId'] })
  @OptionalNonNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @Matches(FIELD_NAME, { each: true, message: 'fields must contain field names' })
  fields?: string[];

  /** Fields left out of every payload, e.g. `["primaryEmail", "primaryPhone"]` for personal data. */
  @ApiPropertyOptional({ ...FIELD_LIST, example: ['primaryEmail', 'primaryPhone'] })
  @OptionalNonNull()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @Matches(FIELD_NAME, { each: true, message: 'omitFields must contain field names' })
  omitFields?: string[];

  /** Organizations whose events are sent; you must manage webhooks in each. Yours when you have one. */
  @OptionalNonNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'organizationIds must contain UUIDs' })
  organizationIds?: string[];

  /** False to create it paused. */
  @OptionalNonNull()
  @IsBoolean()
  active?: boolean;
}
