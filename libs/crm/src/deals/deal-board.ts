import type { Page } from '@clientele/core';
import type { PipelineStageEntity } from '../pipelines';
import type { DealView } from './deal-view';

/** Sums of one stage in one currency, as exact decimal text. */
export interface StageTotal {
  readonly currency: string;
  readonly dealCount: number;
  readonly value: string;
  readonly weightedValue: string;
}

/** One column of the board. */
export interface BoardColumn {
  readonly stage: PipelineStageEntity;
  readonly dealCount: number;
  readonly totals: readonly StageTotal[];
  readonly page: Page<DealView>;
}

/** Sums of one period in one currency. */
export interface ForecastTotal {
  readonly currency: string;
  readonly openCount: number;
  readonly openValue: string;
  readonly weightedValue: string;
  readonly wonCount: number;
  readonly wonValue: string;
}
