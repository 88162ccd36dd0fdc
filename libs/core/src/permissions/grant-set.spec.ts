import { describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES } from './built-in-roles';
import { GrantSet } from './grant-set';
import { Permission as P } from './permission.enum';

describe('GrantSet', () => {
  it('lets ALL_ORG_VIEW satisfy every record *_VIEW and ALL_ORG_EDIT every record *_EDIT', () => {
    const grants = new GrantSet([P.ALL_ORG_VIEW, P.ALL_ORG_EDIT]);
    expect(grants.has(P.ORG_CONTACT_VIEW)).toBe(true);
    expect(grants.has(P.ORG_INVOICE_EDIT)).toBe(true);
    expect(grants.has(P.ORG_CONTACT_EDIT_OWN)).toBe(false);
  });

  it('never implies administrative grants', () => {
    const grants = new GrantSet([P.ALL_ORG_VIEW, P.ALL_ORG_EDIT]);
    for (const permission of [P.ORG_SETTINGS_EDIT, P.ORG_MEMBERS_MANAGE, P.AUDIT_VIEW, P.API_KEYS_MANAGE]) {
      expect(grants.has(permission)).toBe(false);
    }
  });

  it('has any-of semantics', () => {
    const grants = new GrantSet([P.ORG_CONTACT_EDIT_OWN]);
    expect(grants.hasAny([P.ORG_CONTACT_EDIT, P.ORG_CONTACT_EDIT_OWN])).toBe(true);
    expect(grants.hasAny([P.ORG_CONTACT_EDIT])).toBe(false);
    expect(grants.hasAny([])).toBe(false);
  });

  it('gives the built-in roles the grants of DESIGN §2', () => {
    const role = (name: keyof typeof BUILT_IN_ROLES) => new GrantSet(BUILT_IN_ROLES[name]);
    expect(role('GUEST').hasAny([P.ORG_CONTACT_VIEW, P.ORG_CONTACT_EDIT])).toBe(false);
    expect(role('VIEWER').has(P.ORG_CONTACT_VIEW)).toBe(true);
    expect(role('VIEWER').hasAny([P.ORG_CONTACT_EDIT, P.ORG_CONTACT_EDIT_OWN])).toBe(false);
    expect(role('AGENT').has(P.ORG_CONTACT_EDIT_OWN)).toBe(true);
    expect(role('AGENT').has(P.ORG_CONTACT_EDIT)).toBe(false);
    expect(role('AGENT').has(P.ORG_TICKET_LINK_CONTACTS)).toBe(true);
    expect(role('MANAGER').has(P.ORG_CONTACT_EDIT)).toBe(true);
    expect(role('MANAGER').has(P.ORG_SETTINGS_EDIT)).toBe(false);
    expect(role('ADMIN').hasAny([P.ORG_SETTINGS_EDIT])).toBe(true);
    expect(role('ADMIN').has(P.API_KEYS_MANAGE)).toBe(true);
  });

  it('covers: a holder may hand out what they hold, and *_EDIT_OWN under a held *_EDIT', () => {
    const admin = new GrantSet(BUILT_IN_ROLES.ADMIN);
    for (const role of Object.values(BUILT_IN_ROLES)) {
      for (const permission of role) expect(admin.covers(permission)).toBe(true);
    }
    const viewer = new GrantSet(BUILT_IN_ROLES.VIEWER);
    expect(viewer.covers(P.ORG_CONTACT_VIEW)).toBe(true);
    expect(viewer.covers(P.ORG_CONTACT_EDIT_OWN)).toBe(false);
    expect(viewer.covers(P.AUDIT_VIEW)).toBe(false);
    expect(viewer.covers(P.API_KEYS_MANAGE)).toBe(false);
  });
});
