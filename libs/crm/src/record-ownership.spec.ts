import { describe, expect, it } from 'vitest';
import { AccessScope, Actor, ForbiddenError, GrantSet, Permission } from '@clientele/core';
import { assertCanAssignOwner, defaultOwnerId } from './record-ownership';

const ORG = '11111111-1111-4111-8111-111111111111';
const AGENT_ID = '22222222-2222-4222-8222-222222222222';
const OTHER_ID = '33333333-3333-4333-8333-333333333333';

function scopeWith(type: 'user' | 'api_key', grants: Permission[]): AccessScope {
  const actor = new Actor(type, AGENT_ID, 'tenant', new Map([[ORG, new GrantSet(grants)]]));
  return new AccessScope(actor, [Permission.ORG_CONTACT_EDIT, Permission.ORG_CONTACT_EDIT_OWN]);
}

describe('assertCanAssignOwner', () => {
  it('lets the full edit grant assign anyone, or no one', () => {
    const manager = scopeWith('user', [Permission.ALL_ORG_EDIT]);
    expect(() => assertCanAssignOwner(manager, ORG, OTHER_ID, Permission.ORG_CONTACT_EDIT)).not.toThrow();
    expect(() => assertCanAssignOwner(manager, ORG, null, Permission.ORG_CONTACT_EDIT)).not.toThrow();
  });

  it('lets an edit-own holder keep the record only for themselves', () => {
    const agent = scopeWith('user', [Permission.ALL_ORG_VIEW, Permission.ORG_CONTACT_EDIT_OWN]);
    expect(() => assertCanAssignOwner(agent, ORG, AGENT_ID, Permission.ORG_CONTACT_EDIT)).not.toThrow();
    expect(() => assertCanAssignOwner(agent, ORG, OTHER_ID, Permission.ORG_CONTACT_EDIT)).toThrow(ForbiddenError);
    expect(() => assertCanAssignOwner(agent, ORG, null, Permission.ORG_CONTACT_EDIT)).toThrow(ForbiddenError);
  });
});

describe('defaultOwnerId', () => {
  it('is the acting user, and nobody for an API key', () => {
    expect(defaultOwnerId(scopeWith('user', []))).toBe(AGENT_ID);
    expect(defaultOwnerId(scopeWith('api_key', []))).toBeNull();
  });
});
