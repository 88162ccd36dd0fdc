import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { OptionalNonNull } from '@clientele/core';
import { TICKET_STATUSES, type TicketStatus } from '../ticket-status';
import { CreateTicketDto } from './create-ticket.dto';

/**
 * Fields left out keep their value; `null` clears an optional one; `tags`/`tagIds` replace the
 * set. `status` moves along the ticket's transitions (409 otherwise). Contacts change through
 * `POST tickets/:id/contacts`.
 */
export class UpdateTicketDto extends PartialType(OmitType(CreateTicketDto, ['title', 'contactIds', 'organizationId']), {
  skipNullProperties: false,
}) {
  @OptionalNonNull()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ enum: TICKET_STATUSES })
  @OptionalNonNull()
  @IsIn(TICKET_STATUSES)
  status?: TicketStatus;
}
