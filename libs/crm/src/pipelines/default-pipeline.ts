import type { StageKind } from './stage-kind';

/** A stage as a pipeline is created with it. */
export interface StageTemplate {
  readonly name: string;
  readonly probability: number;
  readonly kind: StageKind;
  readonly rottenAfterDays?: number | null;
}

export const DEFAULT_PIPELINE_NAME = 'Sales';

/** The pipeline every organization starts with (and `POST /pipelines` without stages). */
export const DEFAULT_PIPELINE_STAGES: readonly StageTemplate[] = [
  { name: 'Lead', probability: 10, kind: 'OPEN' },
  { name: 'Qualified', probability: 25, kind: 'OPEN' },
  { name: 'Proposal', probability: 50, kind: 'OPEN' },
  { name: 'Negotiation', probability: 75, kind: 'OPEN' },
  { name: 'Won', probability: 100, kind: 'WON' },
  { name: 'Lost', probability: 0, kind: 'LOST' },
];
