import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { GauzyPageParams, splitQueryList } from '@clientele/core';
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
export class PipelinePaginationParams extends GauzyPageParams {
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
    return Object.assign(new ListPipelinesParams(), {
      ...this.gauzyPage(),
      cursor: this.cursor,
      sort: this.sort,
      q: this.where?.name,
      organizationId: this.where?.organizationId?.toLowerCase(),
    });
  }
}
