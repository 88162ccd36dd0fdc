import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';
import { OptionalNonNull } from '@clientele/core';

export class CompleteActivityDto {
  /** When it was done; default now. Never in the future. */
  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @OptionalNonNull()
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'completedAt must be an ISO 8601 date-time' })
  completedAt?: string;
}
