import { describe, expect, it } from 'vitest';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors/domain-error';
import { BUILT_IN_ROLES } from '../permissions/built-in-roles';
import { GrantSet } from '../permissions/grant-set';
import { Permission as P } from '../permissions/permission.enum';
import { AccessScope } from './access-scope';
import { Actor } from './actor';

const ORG_A = '00000000-0000-4000-8000-00000000000a';
const ORG_B = '00000000-0000-4000-8000-00000000000b';
const OTHER = '00000000-0000-4000-8000-00000000000c';

function actor(roles: Record<string, keyof typeof BUILT_IN_ROLES>): Actor {
  const grants = new Map(Object.entries(roles).map(([org, role]) => [org, new GrantSet(BUILT_IN_ROLES[role])]));
  return new Actor('user', 'user-1', 'tenant-1', grants);
}

describe('AccessScope', () => {
  it('spans granted organizations in lists and sees every member organization', () => {
    const scope = new AccessScope(actor({ [ORG_A]: 'VIEWER', [ORG_B]: 'GUEST' }), [P.ORG_CONTACT_VIEW]);
    expect(scope.visibleOrganizationIds).toEqual([ORG_A, ORG_B]);
    expect(scope.grantedOrganizationIds).toEqual([ORG_A]);
  });

  it('is 404 outside the member organizations and 403 without the grant', () => {
    const scope = new AccessScope(actor({ [ORG_A]: 'VIEWER', [ORG_B]: 'GUEST' }), [P.ORG_CONTACT_VIEW]);
    expect(() => scope.assertGranted(OTHER)).toThrow(NotFoundError);
    expect(() => scope.assertGranted(ORG_B)).toThrow(ForbiddenError);
    expect(() => scope.assertGranted(ORG_A)).not.toThrow();
  });

  it('picks the write target: the named one (checked) or the only granted one', () => {
    const single = new AccessScope(actor({ [ORG_A]: 'MANAGER', [ORG_B]: 'VIEWER' }), [P.ORG_CONTACT_EDIT]);
    expect(single.targetOrganizationId()).toBe(ORG_A);
    expect(() => single.targetOrganizationId(ORG_B)).toThrow(ForbiddenError);
    expect(() => single.targetOrganizationId(OTHER)).toThrow(NotFoundError);
    const several = new AccessScope(actor({ [ORG_A]: 'MANAGER', [ORG_B]: 'ADMIN' }), [P.ORG_CONTACT_EDIT]);
    expect(() => several.targetOrganizationId()).toThrow(ValidationError);
    expect(several.targetOrganizationId(ORG_B)).toBe(ORG_B);
  });

  it('applies *_EDIT_OWN only to records the actor owns', () => {
    const agent = new AccessScope(actor({ [ORG_A]: 'AGENT' }), [P.ORG_CONTACT_EDIT, P.ORG_CONTACT_EDIT_OWN]);
    expect(() => agent.assertCanEdit(ORG_A, 'user-1', P.ORG_CONTACT_EDIT, P.ORG_CONTACT_EDIT_OWN)).not.toThrow();
    expect(() => agent.assertCanEdit(ORG_A, 'someone-else', P.ORG_CONTACT_EDIT, P.ORG_CONTACT_EDIT_OWN)).toThrow(
      ForbiddenError,
    );
    expect(() => agent.assertCanEdit(ORG_A, 'user-1', P.ORG_CONTACT_EDIT)).toThrow(ForbiddenError);
    const manager = new AccessScope(actor({ [ORG_A]: 'MANAGER' }), [P.ORG_CONTACT_EDIT]);
    expect(() => manager.assertCanEdit(ORG_A, null, P.ORG_CONTACT_EDIT, P.ORG_CONTACT_EDIT_OWN)).not.toThrow();
  });
});
