import type { LoadRequest } from '../load/load-run';

export type TargetName = 'api' | 'page-floor' | 'page-floor+count' | 'same-sql-floor';

export const TARGETS: readonly TargetName[] = ['api', 'page-floor', 'page-floor+count', 'same-sql-floor'];

export interface Scenario {
  /** Short name, used by `--scenarios` and in the SQL capture. */
  readonly name: string;
  readonly title: string;
  /** Rotated request after request by every connection. */
  readonly requests: readonly LoadRequest[];
  readonly expectStatus: number;
  readonly idReplacement?: boolean;
  /** Connections for this scenario when not the run's default (login is CPU-bound by argon2). */
  readonly connections?: number;
  /** Lists: also measure the page floor computing an exact count, to show what `total` costs. */
  readonly withCountFloor: boolean;
}
