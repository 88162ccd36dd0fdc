import { Permission as P } from './permission.enum';

export type BuiltInRoleName = 'GUEST' | 'VIEWER' | 'AGENT' | 'MANAGER' | 'ADMIN';

const VIEW: readonly P[] = [P.ALL_ORG_VIEW, P.ORG_MEMBERS_VIEW];
const EDIT_OWN: readonly P[] = [
  P.ORG_CONTACT_EDIT_OWN,
  P.ORG_DEAL_EDIT_OWN,
  P.ORG_INVOICE_EDIT_OWN,
  P.ORG_TICKET_EDIT_OWN,
  P.ORG_TICKET_LINK_CONTACTS,
  P.ORG_ACTIVITY_EDIT_OWN,
];
const MANAGE: readonly P[] = [...VIEW, P.ALL_ORG_EDIT, P.ORG_TICKET_LINK_CONTACTS];

/** DESIGN §2: the grants of each built-in role. Built-in roles cannot be edited. */
export const BUILT_IN_ROLES: Readonly<Record<BuiltInRoleName, readonly P[]>> = {
  GUEST: [],
  VIEWER: VIEW,
  AGENT: [...VIEW, ...EDIT_OWN],
  MANAGER: MANAGE,
  ADMIN: [...MANAGE, P.ORG_MEMBERS_MANAGE, P.ORG_SETTINGS_EDIT, P.AUDIT_VIEW, P.API_KEYS_MANAGE, P.WEBHOOKS_MANAGE],
};

export const BUILT_IN_ROLE_NAMES = Object.keys(BUILT_IN_ROLES) as BuiltInRoleName[];

/** Fixed ids so memberships can name a built-in role in every database. */
export const BUILT_IN_ROLE_IDS: Readonly<Record<BuiltInRoleName, string>> = {
  GUEST: '00000000-0000-4000-8000-000000000001',
  VIEWER: '00000000-0000-4000-8000-000000000002',
  AGENT: '00000000-0000-4000-8000-000000000003',
  MANAGER: '00000000-0000-4000-8000-000000000004',
  ADMIN: '00000000-0000-4000-8000-000000000005',
};
