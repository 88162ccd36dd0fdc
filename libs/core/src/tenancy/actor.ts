import { GrantSet } from '../permissions/grant-set';
import { Permission } from '../permissions/permission.enum';

/**
 * The id of the system actor in every tenant: no user, no key, so no author is stored for it
 * (`authorId` is null). The nil UUID, so a comparison with a uuid column stays valid SQL.
 */
export const SYSTEM_ACTOR_ID = '00000000-0000-0000-0000-000000000000';

/** `anonymous`: a not-yet-authenticated caller, e.g. the author of a failed login in the audit log. */
export type ActorType = 'user' | 'api_key' | 'system' | 'anonymous';

/**
 * Who is acting: resolved once per request by the auth guard (grants read from the
 * database, never from the token) and carried in CLS for the rest of the request.
 */
export class Actor {
  constructor(
    readonly type: ActorType,
    readonly id: string,
    readonly tenantId: string,
    /** Organization id → the grants held there. Only organizations the actor belongs to. */
    readonly grants: ReadonlyMap<string, GrantSet>,
    readonly sessionId?: string,
    /** Organizations (of `grants`) with CRM switched on. */
    readonly crmEnabledOrganizationIds: ReadonlySet<string> = new Set(grants.keys()),
  ) {}

  /**
   * Work no user or key asked for (scheduler jobs, consumers, the outbox relay) in one tenant:
   * every grant in each of `organizationIds` (the tenant's organizations, see `SystemContext`).
   */
  static system(tenantId: string, organizationIds: readonly string[] = []): Actor {
    const all = new GrantSet(Object.values(Permission));
    return new Actor('system', SYSTEM_ACTOR_ID, tenantId, new Map(organizationIds.map((id) => [id, all])));
  }

  /** Who is named as the author of a write (`created_by`, audit `actor_id`): nobody for the system. */
  get authorId(): string | null {
    return this.type === 'system' || this.type === 'anonymous' ? null : this.id;
  }

  /** The same actor seen only through its CRM-enabled organizations (for CRM routes). */
  withCrmOrganizationsOnly(): Actor {
    const grants = new Map([...this.grants].filter(([id]) => this.crmEnabledOrganizationIds.has(id)));
    return new Actor(this.type, this.id, this.tenantId, grants, this.sessionId, this.crmEnabledOrganizationIds);
  }

  get organizationIds(): string[] {
    return [...this.grants.keys()];
  }

  isMemberOf(organizationId: string): boolean {
    return this.grants.has(organizationId);
  }

  grantsIn(organizationId: string): GrantSet {
    return this.grants.get(organizationId) ?? new GrantSet([]);
  }
}
