import { ForbiddenError, NotFoundError, ValidationError } from '../errors/domain-error';
import type { Permission } from '../permissions/permission.enum';
import type { Actor } from './actor';

/**
 * What the current request may touch: the actor, the grants its route asked for, and the
 * organization it named (query, body or `X-Organization-Id`), already checked for membership.
 *
 * - visible organizations: where a record is found at all (others are a 404);
 * - granted organizations: visible ones where the route's grants are held (lists span these;
 *   a visible record outside them is a 403).
 */
export class AccessScope {
  constructor(
    readonly actor: Actor,
    readonly permissions: readonly Permission[],
    readonly organizationId?: string,
  ) {}

  get tenantId(): string {
    return this.actor.tenantId;
  }

  get visibleOrganizationIds(): string[] {
    return this.organizationId === undefined ? this.actor.organizationIds : [this.organizationId];
  }

  get grantedOrganizationIds(): string[] {
    return this.visibleOrganizationIds.filter((id) => this.isGranted(id));
  }

  isVisible(organizationId: string): boolean {
    return this.visibleOrganizationIds.includes(organizationId);
  }

  isGranted(organizationId: string, permissions: readonly Permission[] = this.permissions): boolean {
    if (!this.actor.isMemberOf(organizationId)) return false;
    return permissions.length === 0 || this.actor.grantsIn(organizationId).hasAny(permissions);
  }

  /** 404 for an organization outside the actor's reach, 403 for one without the grant. */
  assertGranted(organizationId: string, permissions: readonly Permission[] = this.permissions): void {
    if (!this.isVisible(organizationId)) throw new NotFoundError('ORGANIZATION', organizationId);
    if (!this.isGranted(organizationId, permissions)) throw new ForbiddenError();
  }

  /**
   * The organization a create writes into: the one the request named, else the only one the
   * actor may write to. `requested` (e.g. a body's `organizationId`) is checked, never trusted.
   */
  targetOrganizationId(requested?: string): string {
    const organizationId = requested ?? this.organizationId;
    if (organizationId !== undefined) {
      this.assertGranted(organizationId);
      return organizationId;
    }
    const granted = this.grantedOrganizationIds;
    if (granted.length === 1) return granted[0];
    throw ValidationError.field(
      'organizationId',
      'organizationId is required: you belong to several organizations (or send X-Organization-Id)',
    );
  }

  /**
   * The `*_EDIT_OWN` rule: the full grant edits any record; the own-grant only records whose
   * owner is the actor. Creating others' records and deleting need the full grant.
   */
  assertCanEdit(organizationId: string, ownerId: string | null, edit: Permission, editOwn?: Permission): void {
    if (!this.isVisible(organizationId)) throw new NotFoundError('ORGANIZATION', organizationId);
    if (this.isGranted(organizationId, [edit])) return;
    if (editOwn !== undefined && ownerId === this.actor.id && this.isGranted(organizationId, [editOwn])) return;
    throw new ForbiddenError(
      editOwn === undefined
        ? 'Your role does not grant this action.'
        : 'Your role lets you change only records you own.',
    );
  }
}
