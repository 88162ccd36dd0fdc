import type { StageKind } from './stage-kind';

/**
 * What is wrong with a pipeline whose stages have these kinds, or null: it needs at least one
 * OPEN stage, exactly one WON and exactly one LOST (HubSpot treats them as closed won / lost).
 */
export function stageKindsProblem(kinds: readonly StageKind[]): string | null {
  const count = (kind: StageKind): number => kinds.filter((each) => each === kind).length;
  if (count('OPEN') < 1) return 'a pipeline needs at least one OPEN stage';
  if (count('WON') !== 1) return 'a pipeline needs exactly one WON stage';
  if (count('LOST') !== 1) return 'a pipeline needs exactly one LOST stage';
  return null;
}

/** A stage's probability when none is given: certain for WON, none for LOST; OPEN stages must say. */
export function defaultStageProbability(kind: StageKind): number | undefined {
  if (kind === 'WON') return 100;
  if (kind === 'LOST') return 0;
  return undefined;
}

/**
 * Whether `stageIds` is exactly the pipeline's stages in some order (each once): what
 * `PUT …/stages/order` must send, so a reorder can never drop or duplicate a stage.
 */
export function isPermutationOf(stageIds: readonly string[], current: readonly string[]): boolean {
  if (stageIds.length !== current.length) return false;
  const wanted = new Set(stageIds.map((id) => id.toLowerCase()));
  return wanted.size === current.length && current.every((id) => wanted.has(id));
}
