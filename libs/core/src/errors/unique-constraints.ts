import { ConflictError } from './domain-error';

/**
 * Unique-index name → problem code and message, so a unique violation becomes a 409 with
 * a stable code. Modules register their indexes when their file loads.
 */
const registry = new Map<string, { code: string; detail: string }>();

export function registerUniqueConstraint(constraint: string, code: string, detail: string): void {
  registry.set(constraint, { code, detail });
}

export function uniqueConstraintProblem(constraint: string | undefined): { code: string; detail: string } {
  return (
    (constraint === undefined ? undefined : registry.get(constraint)) ?? {
      code: 'CONFLICT',
      detail: 'A record with the same unique value already exists.',
    }
  );
}

/** The 409 a violation of `constraint` answers, e.g. to document it with `ApiProblems`. */
export function uniqueConstraintConflict(constraint: string): ConflictError {
  const { code, detail } = uniqueConstraintProblem(constraint);
  return new ConflictError(code, detail);
}
