import { unscopedRepository } from '@clientele/core';
import { AssetEntity, type AssetKind, PROJECT_CONTACTS, ProjectEntity } from '@clientele/crm';
import type { EntityManager } from 'typeorm';
import type { DemoOrganization } from './demo-crm-seeder';
import type { SeededCompany } from './demo-tickets-seeder';

interface DemoAsset {
  readonly name: string;
  readonly kind: AssetKind;
  readonly serialNumber: string | null;
  readonly rmmDeviceId: string | null;
  /** Hours before the seed that the RMM tool last saw it (null: not monitored). */
  readonly lastSeenHoursAgo: number | null;
}

/** A small estate per company: a workstation in a person's hands, a server, a switch and a licence. */
const DEMO_ASSETS: readonly DemoAsset[] = [
  {
    name: 'Reception workstation',
    kind: 'WORKSTATION',
    serialNumber: 'WS-0001',
    rmmDeviceId: 'rmm-1001',
    lastSeenHoursAgo: 1,
  },
  { name: 'File server', kind: 'SERVER', serialNumber: 'SRV-0001', rmmDeviceId: 'rmm-1002', lastSeenHoursAgo: 0 },
  { name: 'Core switch', kind: 'NETWORK', serialNumber: 'NET-0001', rmmDeviceId: 'rmm-1003', lastSeenHoursAgo: 72 },
  {
    name: 'Office suite licence',
    kind: 'LICENCE',
    serialNumber: 'LIC-0001',
    rmmDeviceId: null,
    lastSeenHoursAgo: null,
  },
];

/** How many of the demo companies get assets. */
const COMPANIES_WITH_ASSETS = 2;

/**
 * Demo assets for the first companies (the workstation in their first active person's hands) and
 * one active project for the first company, with its first two active people on it.
 */
export async function seedDemoAssetsAndProjects(
  manager: EntityManager,
  demo: DemoOrganization,
  companies: readonly SeededCompany[],
): Promise<void> {
  const stamp = {
    tenantId: demo.tenantId,
    organizationId: demo.organizationId,
    createdBy: demo.users.MANAGER,
    updatedBy: demo.users.MANAGER,
  };
  const now = Date.now();
  for (const company of companies.slice(0, COMPANIES_WITH_ASSETS)) {
    const user = company.contacts.find((contact) => contact.isActive) ?? null;
    for (const seed of DEMO_ASSETS) {
      await unscopedRepository(manager, AssetEntity).save({
        ...stamp,
        customerId: company.customer.id,
        contactId: seed.kind === 'WORKSTATION' ? (user?.id ?? null) : null,
        name: seed.name,
        kind: seed.kind,
        serialNumber: seed.serialNumber,
        rmmDeviceId: seed.rmmDeviceId === null ? null : `${seed.rmmDeviceId}-${company.customer.id.slice(0, 8)}`,
        lastSeenAt: seed.lastSeenHoursAgo === null ? null : new Date(now - seed.lastSeenHoursAgo * 3_600_000),
      });
    }
  }
  const first = companies[0];
  if (first === undefined) return;
  const project = await unscopedRepository(manager, ProjectEntity).save({
    ...stamp,
    customerId: first.customer.id,
    name: 'Office network refresh',
    description: 'Replace the core switch and re-cable the second floor.',
    status: 'ACTIVE',
  });
  await PROJECT_CONTACTS.addUnscoped(
    manager,
    project,
    first.contacts
      .filter((contact) => contact.isActive)
      .slice(0, 2)
      .map((contact) => contact.id),
  );
}
