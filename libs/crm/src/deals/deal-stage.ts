import type { PipelineStageEntity } from '../pipelines';

/** What a deal's rules need to know about a stage. */
export type DealStage = Pick<PipelineStageEntity, 'id' | 'pipelineId' | 'kind' | 'probability' | 'rottenAfterDays'>;

/** A deal's move from one stage (and status) to another, as its event tells it. */
export interface DealStageChange {
  readonly fromStageId: string;
  readonly toStageId: string;
  readonly fromPipelineId: string;
  readonly toPipelineId: string;
  readonly fromStatus: 'OPEN' | 'WON' | 'LOST';
  readonly toStatus: 'OPEN' | 'WON' | 'LOST';
}
