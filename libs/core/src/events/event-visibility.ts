import type { Permission } from '../permissions/permission.enum';
import { Registry, type RegistryEntry } from '../registry/registry';
import type { AccessScope } from '../tenancy/access-scope';

/**
 * Who may read an entity's events outside the API that owns it (change feed, webhooks): the
 * holders of its view grant in the event's organization. The module that owns the entity
 * registers it from its events file (`key` is the entity, e.g. `contact`). Entities nobody
 * registered, and tenant-wide events (no organization), are never sent: deny by default.
 */
export interface EventVisibility extends RegistryEntry {
  readonly grant: Permission;
}

export const EventVisibilities = new Registry<EventVisibility>('event visibility');

/** Pairs of (entity, organization) a reader may see; equal-length arrays, for `unnest`. */
export interface VisibleEventScopes {
  readonly entities: string[];
  readonly organizationIds: string[];
}

/** What `scope` may read: each registered entity in each of `organizationIds` where its grant is held. */
export function visibleEventScopes(
  scope: AccessScope,
  organizationIds: readonly string[] = scope.visibleOrganizationIds,
): VisibleEventScopes {
  const entities: string[] = [];
  const organizations: string[] = [];
  for (const visibility of EventVisibilities.list()) {
    for (const organizationId of organizationIds) {
      if (!scope.isGranted(organizationId, [visibility.grant])) continue;
      entities.push(visibility.key);
      organizations.push(organizationId);
    }
  }
  return { entities, organizationIds: organizations };
}
