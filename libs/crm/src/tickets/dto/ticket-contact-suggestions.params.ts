import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

/** How many contacts the `[contact:` autocomplete offers at most. */
export const MAX_CONTACT_SUGGESTIONS = 20;
export const DEFAULT_CONTACT_SUGGESTIONS = 10;

export class TicketContactSuggestionsParams {
  /** What was typed after `[contact:`: part of a name or an e-mail (case-insensitive). */
  @ApiProperty({ minLength: 1, maxLength: 100, example: 'ada' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  q: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_CONTACT_SUGGESTIONS, default: DEFAULT_CONTACT_SUGGESTIONS })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_CONTACT_SUGGESTIONS)
  limit?: number;
}
