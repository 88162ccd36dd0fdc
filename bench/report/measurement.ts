import type { LoadResult, SerialLatency } from '../load/load-run';
import type { TargetName } from '../scenarios/scenario';

/** One autocannon run of one scenario against one target, or why it could not run. */
export interface Measurement {
  readonly scenario: string;
  readonly title: string;
  readonly target: TargetName;
  readonly repeat: number;
  readonly connections: number;
  readonly result?: LoadResult;
  readonly serial?: SerialLatency;
  readonly unavailable?: string;
}
