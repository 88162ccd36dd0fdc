import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { OptionalNonNull } from '@clientele/core';
import { OrganizationIdField, OwnerIdField } from '../../record-fields.decorator';
import { TagIdsField, TagRefDto, TagRefsField } from '../../tags';
import { MAX_CONTACTS_PER_CALL } from '../ticket-contacts';
import { TICKET_PRIORITIES, type TicketPriority } from '../ticket-status';

const trimmed = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export class CreateTicketDto {
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 10_000 })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  description?: string | null;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES, default: 'NORMAL' })
  @OptionalNonNull()
  @IsIn(TICKET_PRIORITIES)
  priority?: TicketPriority;

  /** A customer of the ticket's organization. */
  @IsOptional()
  @IsUUID()
  customerId?: string | null;

  /** A member of the organization; defaults to you. An AGENT creates only tickets assigned to it. */
  @OwnerIdField()
  assigneeId?: string | null;

  /** Active contacts of the organization to link, at most 6 (more through `POST tickets/:id/contacts`). */
  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: MAX_CONTACTS_PER_CALL })
  @OptionalNonNull()
  @IsArray()
  @ArrayMaxSize(MAX_CONTACTS_PER_CALL, {
    message: `You can only add up to ${MAX_CONTACTS_PER_CALL} contacts at one time`,
  })
  @IsUUID(undefined, { each: true })
  contactIds?: string[];

  /** Tags of the organization, Gauzy-style: `[{ "id": "…" }]`. Or send `tagIds`; `[]` clears, `null` is refused. */
  @TagRefsField({ nullable: false })
  tags?: TagRefDto[];

  @TagIdsField({ nullable: false })
  tagIds?: string[];

  /** The organization the ticket belongs to; defaults to your only one (or `X-Organization-Id`). */
  @OrganizationIdField()
  organizationId?: string;
}
