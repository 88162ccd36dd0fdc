import { Permission } from './permission.enum';

/** Administrative grants: held only explicitly, never implied by ALL_ORG_VIEW / ALL_ORG_EDIT. */
const ADMINISTRATIVE: ReadonlySet<Permission> = new Set([
  Permission.ORG_SETTINGS_EDIT,
  Permission.ORG_MEMBERS_MANAGE,
  Permission.AUDIT_VIEW,
  Permission.API_KEYS_MANAGE,
  Permission.WEBHOOKS_MANAGE,
]);

/**
 * The grants one actor holds in one organization, with DESIGN §2's umbrella rule:
 * `ALL_ORG_VIEW` satisfies any `*_VIEW`, `ALL_ORG_EDIT` any `*_EDIT` (not `*_EDIT_OWN`,
 * which is a narrower grant checked against the record's owner). Administrative grants
 * (settings, members, audit, keys, webhooks) are never implied.
 */
export class GrantSet {
  private readonly grants: ReadonlySet<Permission>;

  constructor(grants: Iterable<Permission>) {
    this.grants = new Set(grants);
  }

  has(permission: Permission): boolean {
    if (this.grants.has(permission)) return true;
    if (ADMINISTRATIVE.has(permission)) return false;
    if (permission.endsWith('_VIEW') && this.grants.has(Permission.ALL_ORG_VIEW)) return true;
    return permission.endsWith('_EDIT') && this.grants.has(Permission.ALL_ORG_EDIT);
  }

  /** Any-of semantics: true when at least one of `permissions` is held. */
  hasAny(permissions: readonly Permission[]): boolean {
    return permissions.some((permission) => this.has(permission));
  }

  /**
   * Whether someone holding these grants may hand `permission` to another (a role, an API key)
   * without giving more than they have: held, or a `*_EDIT_OWN` narrower than a held `*_EDIT`.
   */
  covers(permission: Permission): boolean {
    if (this.has(permission)) return true;
    return permission.endsWith('_EDIT_OWN') && this.has(permission.slice(0, -'_OWN'.length) as Permission);
  }

  toArray(): Permission[] {
    return [...this.grants].sort();
  }
}
