import { ApiProperty } from '@nestjs/swagger';
import { STAGE_KINDS, type StageKind } from '../../pipelines';
import { DealResponse } from './deal.response';

export class StageTotalResponse {
  @ApiProperty({ example: 'EUR' })
  currency: string;
  dealCount: number;
  @ApiProperty({ example: '37500.00', description: 'Exact decimal sum of the values.' })
  value: string;
  @ApiProperty({ example: '18750.00', description: 'Exact sum of value × probability / 100.' })
  weightedValue: string;
}

export class BoardStageResponse {
  id: string;
  name: string;
  @ApiProperty({ enum: STAGE_KINDS })
  kind: StageKind;
  position: number;
  probability: number;
  @ApiProperty({ nullable: true, type: Number })
  rottenAfterDays: number | null;
  /** Live deals in the stage, all pages. */
  dealCount: number;
  /** Sums per currency, never converted. */
  @ApiProperty({ type: [StageTotalResponse] })
  totals: StageTotalResponse[];
  /** The stage's first page of deals, newest first. */
  @ApiProperty({ type: [DealResponse] })
  deals: DealResponse[];
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The next page of this stage: `GET /api/deals?stageId=<id>&cursor=<nextCursor>`.',
  })
  nextCursor: string | null;
}

export class DealBoardResponse {
  pipelineId: string;
  @ApiProperty({ type: [BoardStageResponse] })
  stages: BoardStageResponse[];
}
