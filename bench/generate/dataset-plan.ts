import { SeededRandom } from './seeded-random';
import { COMPANY_WORDS, FIRST_NAMES, LAST_NAMES } from './names';

export type RoleName = 'GUEST' | 'VIEWER' | 'AGENT' | 'MANAGER' | 'ADMIN';

export interface PlannedMembership {
  readonly organizationId: string;
  readonly role: RoleName;
}

export interface PlannedUser {
  readonly id: string;
  readonly tenantId: string;
  readonly email: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly memberships: readonly PlannedMembership[];
}

export interface PlannedOrganization {
  readonly id: string;
  readonly tenantId: string;
  readonly name: string;
  readonly contacts: number;
  readonly customers: number;
  /** Managers and agents: the users contacts are owned by. */
  readonly ownerIds: readonly string[];
}

export interface PlannedTenant {
  readonly id: string;
  readonly name: string;
  readonly organizations: readonly PlannedOrganization[];
  /** ADMIN in every organization of the tenant: the bench logs in as this user. */
  readonly admin: PlannedUser;
  readonly users: readonly PlannedUser[];
}

export interface DatasetPlan {
  readonly seed: number;
  readonly contacts: number;
  readonly customers: number;
  readonly tenants: readonly PlannedTenant[];
}

const TENANTS = 20;
/** The big tenant holds half of all contacts; its first organization holds the most of it. */
const BIG_TENANT_SHARE = 0.5;
const BIG_TENANT_ORGANIZATION_WEIGHTS = [0.48, 0.2, 0.14, 0.1, 0.08];
const ORGANIZATION_WEIGHTS = [0.4, 0.25, 0.15, 0.12, 0.08];
const ORGANIZATION_NAMES = ['Headquarters', 'Sales EMEA', 'Sales Americas', 'Support', 'Partners'];
const CONTACTS_PER_CUSTOMER = 10;
const USERS_PER_ORGANIZATION: ReadonlyArray<{ role: RoleName; count: number }> = [
  { role: 'MANAGER', count: 2 },
  { role: 'AGENT', count: 6 },
  { role: 'VIEWER', count: 2 },
  { role: 'GUEST', count: 1 },
];

/**
 * Who and how many: 20 tenants × 5 organizations, contacts skewed so one tenant holds half of
 * them, customers at one per ten contacts, users in every role. Ids come from the seeded PRNG,
 * so the same seed and size always give the same plan.
 */
export function planDataset(contacts: number, seed: number): DatasetPlan {
  const random = new SeededRandom(seed);
  const perTenant = splitByWeights(
    contacts,
    Array.from({ length: TENANTS }, (_, index) =>
      index === 0 ? BIG_TENANT_SHARE : ((1 - BIG_TENANT_SHARE) * tenantWeight(index)) / otherTenantsWeight(),
    ),
  );
  const tenants: PlannedTenant[] = perTenant.map((tenantContacts, index) => planTenant(random, index, tenantContacts));
  const customers = tenants.reduce(
    (sum, tenant) => sum + tenant.organizations.reduce((orgSum, org) => orgSum + org.customers, 0),
    0,
  );
  return { seed, contacts, customers, tenants };
}

function planTenant(random: SeededRandom, index: number, contacts: number): PlannedTenant {
  const id = random.uuid();
  const slug = `t${String(index + 1).padStart(2, '0')}`;
  const name =
    index === 0 ? 'Northwind Holdings' : `${random.pick(COMPANY_WORDS)} ${random.pick(COMPANY_WORDS)} ${slug}`;
  const weights = index === 0 ? BIG_TENANT_ORGANIZATION_WEIGHTS : ORGANIZATION_WEIGHTS;
  const perOrganization = splitByWeights(contacts, weights);
  const users: PlannedUser[] = [];
  const organizations = perOrganization.map((organizationContacts, orgIndex) => {
    const orgId = random.uuid();
    const ownerIds: string[] = [];
    for (const { role, count } of USERS_PER_ORGANIZATION) {
      for (let n = 1; n <= count; n++) {
        const user = planUser(random, id, `${role.toLowerCase()}${n}.o${orgIndex + 1}@${slug}.bench.test`, [
          { organizationId: orgId, role },
        ]);
        users.push(user);
        if (role === 'MANAGER' || role === 'AGENT') ownerIds.push(user.id);
      }
    }
    return {
      id: orgId,
      tenantId: id,
      name: ORGANIZATION_NAMES[orgIndex] ?? `Organization ${orgIndex + 1}`,
      contacts: organizationContacts,
      customers: organizationContacts === 0 ? 0 : Math.max(1, Math.round(organizationContacts / CONTACTS_PER_CUSTOMER)),
      ownerIds,
    };
  });
  const admin = planUser(
    random,
    id,
    `admin@${slug}.bench.test`,
    organizations.map((org) => ({ organizationId: org.id, role: 'ADMIN' as const })),
  );
  return { id, name, organizations, admin, users: [admin, ...users] };
}

function planUser(
  random: SeededRandom,
  tenantId: string,
  email: string,
  memberships: PlannedMembership[],
): PlannedUser {
  return {
    id: random.uuid(),
    tenantId,
    email,
    firstName: random.pick(FIRST_NAMES),
    lastName: random.pick(LAST_NAMES),
    memberships,
  };
}

/** A mild Zipf-like skew among the 19 smaller tenants. */
function tenantWeight(index: number): number {
  return 1 / Math.pow(index, 0.7);
}

function otherTenantsWeight(): number {
  let sum = 0;
  for (let index = 1; index < TENANTS; index++) sum += tenantWeight(index);
  return sum;
}

/** Splits `total` into integer parts proportional to `weights`, summing exactly to `total`. */
function splitByWeights(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((weight) => Math.floor((total * weight) / sum));
  let remainder = total - parts.reduce((a, b) => a + b, 0);
  for (let index = 0; remainder > 0; index = (index + 1) % parts.length, remainder--) {
    parts[index] = (parts[index] ?? 0) + 1;
  }
  return parts;
}
