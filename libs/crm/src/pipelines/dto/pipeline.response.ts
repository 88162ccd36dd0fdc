import { ApiProperty } from '@nestjs/swagger';
import type { PipelineView } from '../pipeline-view';
import { StageResponse } from './stage.response';

export class PipelineResponse {
  id: string;
  organizationId: string;
  name: string;
  /** Live stages in order. */
  @ApiProperty({ type: [StageResponse] })
  stages: StageResponse[];
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: string;
  version: number;

  static from({ pipeline, stages }: PipelineView): PipelineResponse {
    return {
      id: pipeline.id,
      organizationId: pipeline.organizationId,
      name: pipeline.name,
      stages: stages.map((stage) => StageResponse.from(stage)),
      createdAt: pipeline.createdAt.toISOString(),
      updatedAt: pipeline.updatedAt.toISOString(),
      version: pipeline.version,
    };
  }
}
