import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { OptionalNonNull } from '@clientele/core';

/**
 * Fields left out keep their value; `rottenAfterDays: null` stops the stage rotting deals. Order
 * with `PUT …/stages/order`. The kind is fixed: changing one would break the one-WON, one-LOST
 * rule or the status of the stage's deals; add a stage and move the deals instead.
 */
export class UpdateStageDto {
  @OptionalNonNull()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @OptionalNonNull()
  @IsInt()
  @Min(0)
  @Max(100)
  probability?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 3650, nullable: true, type: Number })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  rottenAfterDays?: number | null;
}
