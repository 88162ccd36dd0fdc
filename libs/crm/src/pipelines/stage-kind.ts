/** OPEN stages hold deals in progress; entering the WON or LOST stage closes a deal. */
export const STAGE_KINDS = ['OPEN', 'WON', 'LOST'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];
