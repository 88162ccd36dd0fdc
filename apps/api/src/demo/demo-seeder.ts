import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import {
  BUILT_IN_ROLE_IDS,
  type BuiltInRoleName,
  MembershipEntity,
  OrganizationEntity,
  PasswordHasher,
  TenantEntity,
  UserEntity,
  unscopedRepository,
} from '@clientele/core';
import { DataSource, type EntityManager, In } from 'typeorm';
import { seedDemoCrm } from './demo-crm-seeder';

export const DEMO_TENANT_NAME = 'Demo Ltd';
export const DEMO_ADMIN_EMAIL = 'admin@demo.clientele.dev';

const DEMO_USERS: ReadonlyArray<{ role: BuiltInRoleName; firstName: string; lastName: string }> = [
  { role: 'ADMIN', firstName: 'Ada', lastName: 'Admin' },
  { role: 'MANAGER', firstName: 'Morgan', lastName: 'Manager' },
  { role: 'AGENT', firstName: 'Alex', lastName: 'Agent' },
  { role: 'VIEWER', firstName: 'Vic', lastName: 'Viewer' },
  { role: 'GUEST', firstName: 'Gus', lastName: 'Guest' },
];

export interface DemoLogin {
  readonly email: string;
  readonly password: string;
}

/**
 * The demo tenant: "Demo Ltd" with one organization, a user in each built-in role (all
 * sharing one generated password) and a CRM of customers, contacts and tags, in one
 * transaction. Seeding writes with the unscoped escape hatch on purpose.
 */
export async function seedDemoTenant(app: INestApplication): Promise<DemoLogin | null> {
  const dataSource = app.get(DataSource);
  const password = randomBytes(9).toString('base64url');
  const passwordHash = await app.get(PasswordHasher).hash(password);
  return dataSource.transaction(async (manager) => {
    const existing = await unscopedRepository(manager, TenantEntity).findOneBy({ name: DEMO_TENANT_NAME });
    if (existing !== null) return null;
    const tenant = await unscopedRepository(manager, TenantEntity).save({ name: DEMO_TENANT_NAME });
    const organization = await unscopedRepository(manager, OrganizationEntity).save({
      tenantId: tenant.id,
      name: 'Demo Ltd',
    });
    const users = await seedUsers(manager, tenant.id, organization.id, passwordHash);
    await seedDemoCrm(
      manager,
      { tenantId: tenant.id, organizationId: organization.id, users },
      organization.invoicePrefix,
    );
    return { email: DEMO_ADMIN_EMAIL, password };
  });
}

/**
 * `npm run demo:login`: a new shared password for the demo tenant's users (the old one was
 * never stored), or null when there is no demo tenant.
 */
export async function resetDemoPassword(app: INestApplication): Promise<DemoLogin | null> {
  const password = randomBytes(9).toString('base64url');
  const passwordHash = await app.get(PasswordHasher).hash(password);
  return app.get(DataSource).transaction(async (manager) => {
    const tenant = await unscopedRepository(manager, TenantEntity).findOneBy({ name: DEMO_TENANT_NAME });
    if (tenant === null) return null;
    await unscopedRepository(manager, UserEntity).update(
      { tenantId: tenant.id, email: In(DEMO_USERS.map((demo) => demoEmail(demo.role))) },
      { passwordHash },
    );
    return { email: DEMO_ADMIN_EMAIL, password };
  });
}

function demoEmail(role: BuiltInRoleName): string {
  return `${role.toLowerCase()}@demo.clientele.dev`;
}

async function seedUsers(
  manager: EntityManager,
  tenantId: string,
  organizationId: string,
  passwordHash: string,
): Promise<Record<BuiltInRoleName, string>> {
  const users: Partial<Record<BuiltInRoleName, string>> = {};
  for (const demo of DEMO_USERS) {
    const user = await unscopedRepository(manager, UserEntity).save({
      tenantId,
      email: demoEmail(demo.role),
      firstName: demo.firstName,
      lastName: demo.lastName,
      passwordHash,
    });
    await unscopedRepository(manager, MembershipEntity).save({
      tenantId,
      organizationId,
      userId: user.id,
      roleId: BUILT_IN_ROLE_IDS[demo.role],
    });
    users[demo.role] = user.id;
  }
  // DEMO_USERS lists every built-in role once, so every key is set.
  return users as Record<BuiltInRoleName, string>;
}
