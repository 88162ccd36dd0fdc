import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { LIST_FORMATS, type ListFormat, PageParams } from '@clientele/core';
import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketPriority, type TicketStatus } from '../ticket-status';

/** The ticket list's filters, also those of a contact's or a customer's tickets. */
export class TicketFilterParams extends PageParams {
  /** Title contains (case-insensitive). */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: TICKET_STATUSES })
  @IsOptional()
  @IsIn(TICKET_STATUSES)
  status?: TicketStatus;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES })
  @IsOptional()
  @IsIn(TICKET_PRIORITIES)
  priority?: TicketPriority;

  @IsOptional()
  @IsUUID()
  assigneeId?: string;

  /** A tag id, or a tag name (case-insensitive). */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  tag?: string;

  /** Tickets that missed an SLA target (met late, or unmet past due) now (true), or the others (false). */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  slaBreached?: boolean;
}

export class ListTicketsParams extends TicketFilterParams {
  @IsOptional()
  @IsUUID()
  customerId?: string;

  /** Tickets this contact is linked to. */
  @IsOptional()
  @IsUUID()
  contactId?: string;

  /** Only this organization's tickets (default: every organization you may view). */
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({
    enum: LIST_FORMATS,
    default: 'json',
    description:
      '`csv` or `ndjson` download the whole filtered list (paging ignored, `sort` kept) as `tickets-YYYY-MM-DD.csv`.',
  })
  @IsOptional()
  @IsIn(LIST_FORMATS)
  format?: ListFormat;
}
