import { type AccessScope, ForbiddenError, type Permission } from '@clientele/core';

/** Who owns a record nobody assigned: the user creating it (an API key owns nothing). */
export function defaultOwnerId(scope: AccessScope): string | null {
  return scope.actor.type === 'user' ? scope.actor.id : null;
}

/**
 * The `*_EDIT_OWN` rule for the owner field: holders of the full `edit` grant assign records to
 * anyone in the organization; someone editing only their own records cannot give them away.
 */
export function assertCanAssignOwner(
  scope: AccessScope,
  organizationId: string,
  requestedOwnerId: string | null,
  edit: Permission,
): void {
  if (scope.isGranted(organizationId, [edit])) return;
  if (requestedOwnerId !== null && requestedOwnerId.toLowerCase() === scope.actor.id) return;
  throw new ForbiddenError('Your role lets you change only records you own, and not hand them to someone else.');
}
