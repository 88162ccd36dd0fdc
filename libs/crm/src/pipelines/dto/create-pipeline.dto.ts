import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { OptionalNonNull } from '@clientele/core';
import { OrganizationIdField } from '../../record-fields.decorator';
import { CreateStageDto } from './create-stage.dto';

export class CreatePipelineDto {
  /** Unique in the organization (case-insensitive). */
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({
    type: [CreateStageDto],
    description:
      'The stages in order: at least one OPEN, exactly one WON and one LOST. Left out: Lead, Qualified, Proposal, Negotiation, Won, Lost.',
  })
  @OptionalNonNull()
  @IsArray()
  @ArrayMinSize(3)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CreateStageDto)
  stages?: CreateStageDto[];

  /** The organization the pipeline belongs to; defaults to your only one (or `X-Organization-Id`). */
  @OrganizationIdField()
  organizationId?: string;
}
