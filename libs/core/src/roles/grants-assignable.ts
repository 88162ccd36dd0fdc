import { ForbiddenError } from '../errors/domain-error';
import type { Permission } from '../permissions/permission.enum';
import type { AccessScope } from '../tenancy/access-scope';

/**
 * No one hands out more than they hold: every grant of a role or API key must be covered by the
 * actor's own grants in each organization it is for (else 403 `GRANT_NOT_HELD`).
 */
export function assertGrantsAssignable(
  scope: AccessScope,
  grants: readonly Permission[],
  organizationIds: readonly string[],
): void {
  for (const organizationId of organizationIds) {
    const held = scope.actor.grantsIn(organizationId);
    const missing = grants.filter((grant) => !held.covers(grant));
    if (missing.length > 0) {
      throw new ForbiddenError(
        `You cannot give grants you do not hold in organization ${organizationId}: ${missing.join(', ')}.`,
        'GRANT_NOT_HELD',
      );
    }
  }
}

/**
 * For tenant-wide roles: the grants must all be held in at least one of `organizationIds` (the
 * organizations where the actor manages members). Assigning the role later checks the grants
 * again in the organization it is assigned in.
 */
export function assertGrantsHeldSomewhere(
  scope: AccessScope,
  grants: readonly Permission[],
  organizationIds: readonly string[],
): void {
  const holder = organizationIds.find((id) => grants.every((grant) => scope.actor.grantsIn(id).covers(grant)));
  if (holder === undefined) {
    const missing = grants.filter((grant) => !organizationIds.some((id) => scope.actor.grantsIn(id).covers(grant)));
    throw new ForbiddenError(
      `A role may only carry grants you hold: ${(missing.length > 0 ? missing : grants).join(', ')}.`,
      'GRANT_NOT_HELD',
    );
  }
}
