import type { TagSummary } from '../tags';
import type { DealEntity } from './entities/deal.entity';
import type { StageKind } from '../pipelines';

/** The stage a deal is in, as its rows show it. */
export interface DealStageSummary {
  readonly id: string;
  readonly name: string;
  readonly kind: StageKind;
  readonly position: number;
  readonly probability: number;
  readonly rottenAfterDays: number | null;
}

/** A deal with its stage, tags and derived figures. */
export interface DealView {
  readonly deal: DealEntity;
  readonly stage: DealStageSummary;
  readonly tags: readonly TagSummary[];
  readonly probability: number;
  readonly rotting: boolean;
}
