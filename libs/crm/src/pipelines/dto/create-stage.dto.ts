import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { OptionalNonNull } from '@clientele/core';
import { STAGE_KINDS, type StageKind } from '../stage-kind';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/** A stage as `POST /pipelines` (in `stages`) and `POST /pipelines/:id/stages` take it. */
export class CreateStageDto {
  /** Unique in the pipeline (case-insensitive). */
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({ enum: STAGE_KINDS, default: 'OPEN' })
  @OptionalNonNull()
  @IsIn(STAGE_KINDS)
  kind?: StageKind;

  /** 0–100: how likely a deal in this stage closes won; its deals' default. Required for an OPEN stage (WON 100, LOST 0). */
  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @OptionalNonNull()
  @IsInt()
  @Min(0)
  @Max(100)
  probability?: number;

  /** A deal sitting in this stage longer than this many days without a move is rotting. */
  @ApiPropertyOptional({ minimum: 1, maximum: 3650, nullable: true, type: Number })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  rottenAfterDays?: number | null;
}

/** `POST /pipelines/:id/stages`: a stage, at `position` (0 first; default last). */
export class AddStageDto extends CreateStageDto {
  @ApiPropertyOptional({
    minimum: 0,
    description: 'Where the stage goes (0 first); stages after it move down. Default: last.',
  })
  @OptionalNonNull()
  @IsInt()
  @Min(0)
  @Max(1000)
  position?: number;
}
