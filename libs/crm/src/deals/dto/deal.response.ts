import { ApiProperty } from '@nestjs/swagger';
import { STAGE_KINDS, type StageKind } from '../../pipelines';
import { TagSummaryResponse } from '../../tags';
import { DEAL_STATUSES, type DealStatus } from '../deal-status';
import { dealValueText } from '../deal-value';
import type { DealView } from '../deal-view';

export class DealStageResponse {
  id: string;
  name: string;
  @ApiProperty({ enum: STAGE_KINDS })
  kind: StageKind;
  position: number;
}

export class DealResponse {
  id: string;
  organizationId: string;
  title: string;
  @ApiProperty({ example: '12500.00', description: 'Decimal string in the currency’s minor units.' })
  value: string;
  @ApiProperty({ example: 'EUR' })
  currency: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' })
  expectedCloseDate: string | null;
  pipelineId: string;
  stageId: string;
  stage: DealStageResponse;
  @ApiProperty({ nullable: true, type: String })
  contactId: string | null;
  @ApiProperty({ nullable: true, type: String })
  customerId: string | null;
  @ApiProperty({ nullable: true, type: String })
  ownerId: string | null;
  /** 0–100: the deal's own, else its stage's. */
  probability: number;
  /** True when `probability` is the stage's (the deal has none of its own). */
  probabilityFromStage: boolean;
  @ApiProperty({ enum: DEAL_STATUSES })
  status: DealStatus;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  closedAt: string | null;
  @ApiProperty({ nullable: true, type: String })
  lostReason: string | null;
  @ApiProperty({ type: String, format: 'date-time' })
  stageChangedAt: string;
  /** Open and in its stage longer than the stage's `rottenAfterDays`. */
  rotting: boolean;
  tags: TagSummaryResponse[];
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: string;
  version: number;

  static from({ deal, stage, tags, probability, rotting }: DealView): DealResponse {
    return {
      id: deal.id,
      organizationId: deal.organizationId,
      title: deal.title,
      value: dealValueText(deal.value, deal.currency),
      currency: deal.currency,
      expectedCloseDate: deal.expectedCloseDate,
      pipelineId: deal.pipelineId,
      stageId: deal.stageId,
      stage: { id: stage.id, name: stage.name, kind: stage.kind, position: stage.position },
      contactId: deal.contactId,
      customerId: deal.customerId,
      ownerId: deal.ownerId,
      probability,
      probabilityFromStage: deal.probability === null,
      status: deal.status,
      closedAt: deal.closedAt?.toISOString() ?? null,
      lostReason: deal.lostReason,
      stageChangedAt: deal.stageChangedAt.toISOString(),
      rotting,
      tags: TagSummaryResponse.list(tags),
      createdAt: deal.createdAt.toISOString(),
      updatedAt: deal.updatedAt.toISOString(),
      version: deal.version,
    };
  }
}
