import { ValidationError } from '@clientele/core';

/**
 * A contact's status must be one of the organization's configured statuses. Matching ignores
 * case and the stored value takes the configured spelling (`active` → `Active`).
 */
export function resolveContactStatus(allowed: readonly string[], requested: string): string {
  const wanted = requested.trim().toLowerCase();
  const match = allowed.find((status) => status.toLowerCase() === wanted);
  if (match === undefined) {
    throw ValidationError.field('status', `status must be one of the organization's statuses: ${allowed.join(', ')}`);
  }
  return match;
}
