import { defineEvent } from '../../events/event-definition';
import { EventVisibilities } from '../../events/event-visibility';
import { Permission } from '../../permissions/permission.enum';
import {
  ORGANIZATION_RECORD_FIELDS,
  organizationRecordSnapshot,
  TENANT_RECORD_FIELDS,
  tenantRecordSnapshot,
} from '../../events/record-snapshot';
import { type Infer, schema } from '../../events/schema';
import type { MembershipEntity } from '../../tenancy/entities/membership.entity';
import type { OrganizationEntity } from '../../tenancy/entities/organization.entity';

export const ORGANIZATION_SNAPSHOT = schema.object({
  ...TENANT_RECORD_FIELDS,
  name: schema.string(),
  crmEnabled: schema.boolean(),
  contactStatuses: schema.array(schema.string()),
  defaultCurrency: schema.string(),
  invoicePrefix: schema.string(),
});
export type OrganizationSnapshot = Infer<typeof ORGANIZATION_SNAPSHOT>;

export function organizationSnapshot(organization: OrganizationEntity): OrganizationSnapshot {
  return {
    ...tenantRecordSnapshot(organization),
    name: organization.name,
    crmEnabled: organization.crmEnabled,
    contactStatuses: [...organization.contactStatuses],
    defaultCurrency: organization.defaultCurrency,
    invoicePrefix: organization.invoicePrefix,
  };
}

export const MEMBERSHIP_SNAPSHOT = schema.object({
  ...ORGANIZATION_RECORD_FIELDS,
  userId: schema.uuid(),
  roleId: schema.uuid(),
});
export type MembershipSnapshot = Infer<typeof MEMBERSHIP_SNAPSHOT>;

export function membershipSnapshot(membership: MembershipEntity): MembershipSnapshot {
  return { ...organizationRecordSnapshot(membership), userId: membership.userId, roleId: membership.roleId };
}

export const OrganizationCreated = defineEvent('organization.created', 1, ORGANIZATION_SNAPSHOT);
export const OrganizationUpdated = defineEvent('organization.updated', 1, ORGANIZATION_SNAPSHOT);
export const MemberAdded = defineEvent('organization.member_added', 1, MEMBERSHIP_SNAPSHOT, { entity: 'membership' });
export const MemberRemoved = defineEvent('organization.member_removed', 1, MEMBERSHIP_SNAPSHOT, {
  entity: 'membership',
});
export const MemberRoleChanged = defineEvent('organization.member_role_changed', 1, MEMBERSHIP_SNAPSHOT, {
  entity: 'membership',
});

// Organizations and their members show to whoever may see the member list.
EventVisibilities.register({ key: 'organization', grant: Permission.ORG_MEMBERS_VIEW });
EventVisibilities.register({ key: 'membership', grant: Permission.ORG_MEMBERS_VIEW });
