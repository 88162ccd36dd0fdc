import { randomBytes } from 'node:crypto';

let sequence = 0;

/** A unique suffix, so rows made by different tests never collide on unique indexes. */
export function unique(prefix = ''): string {
  sequence += 1;
  return `${prefix}${sequence}${randomBytes(3).toString('hex')}`;
}

export const TEST_PASSWORD = 'correct horse battery staple';

export interface SignupInput {
  tenantName: string;
  organizationName: string;
  email: string;
  password: string;
  firstName: string;
  lastName: string;
}

export function aSignup(overrides: Partial<SignupInput> = {}): SignupInput {
  const id = unique();
  return {
    tenantName: `Tenant ${id}`,
    organizationName: `Org ${id}`,
    email: `owner-${id}@example.test`,
    password: TEST_PASSWORD,
    firstName: 'Olive',
    lastName: `Owner${id}`,
    ...overrides,
  };
}
