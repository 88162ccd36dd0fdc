import { ApiProperty } from '@nestjs/swagger';
import type { PipelineStageEntity } from '../entities/pipeline-stage.entity';
import { STAGE_KINDS, type StageKind } from '../stage-kind';

export class StageResponse {
  id: string;
  pipelineId: string;
  name: string;
  /** 0 first. */
  position: number;
  /** 0–100; the default probability of its deals. */
  probability: number;
  @ApiProperty({ enum: STAGE_KINDS })
  kind: StageKind;
  @ApiProperty({ nullable: true, type: Number })
  rottenAfterDays: number | null;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: string;
  version: number;

  static from(stage: PipelineStageEntity): StageResponse {
    return {
      id: stage.id,
      pipelineId: stage.pipelineId,
      name: stage.name,
      position: stage.position,
      probability: stage.probability,
      kind: stage.kind,
      rottenAfterDays: stage.rottenAfterDays,
      createdAt: stage.createdAt.toISOString(),
      updatedAt: stage.updatedAt.toISOString(),
      version: stage.version,
    };
  }
}
