import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAX_OFFSET, MAX_PAGE_SIZE, PageParams, splitQueryList, ValidationError } from '@clientele/core';
import { ListPipelinesParams } from './list-pipelines.params';

/** Gauzy's `where[…]` for pipelines: `name` contains (case-insensitive), the rest exactly. */
export class PipelineWhereDto {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  name?: string;

  /** Checked against your memberships (404 when you are not a member). */
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  /** Gauzy clients send it; only your own tenant's pipelines are ever listed. */
  @IsOptional()
  @IsUUID()
  tenantId?: string;
}

export const PIPELINE_RELATIONS = ['stages'] as const;
export type PipelineRelation = (typeof PIPELINE_RELATIONS)[number];

/** Gauzy's `GET /pipelines/pagination`: `take`, `skip`, `where[…]`, `relations[]`, beside ours. */
export class PipelinePaginationParams extends PageParams {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, description: 'Gauzy spelling of `limit`.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  take?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_OFFSET, description: 'Gauzy spelling of `offset`.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET)
  skip?: number;

  @ApiPropertyOptional({ type: PipelineWhereDto, description: 'e.g. `where[name]=sales`' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PipelineWhereDto)
  where?: PipelineWhereDto;

  @ApiPropertyOptional({ enum: PIPELINE_RELATIONS, isArray: true, description: '`relations[]=stages` includes them.' })
  @IsOptional()
  @Transform(splitQueryList)
  @IsArray()
  @IsIn(PIPELINE_RELATIONS, { each: true })
  relations?: PipelineRelation[];

  /** Our list's query from Gauzy's spelling; both spellings of one thing is a 400. */
  toListParams(): ListPipelinesParams {
    if (this.take !== undefined && this.limit !== undefined) {
      throw ValidationError.field('take', 'send either take or limit, not both');
    }
    if (this.skip !== undefined && this.offset !== undefined) {
      throw ValidationError.field('skip', 'send either skip or offset, not both');
    }
    return Object.assign(new ListPipelinesParams(), {
      limit: this.take ?? this.limit,
      offset: this.skip ?? this.offset,
      cursor: this.cursor,
      sort: this.sort,
      q: this.where?.name,
      organizationId: this.where?.organizationId?.toLowerCase(),
    });
  }
}
