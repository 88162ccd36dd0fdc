import { unscopedRepository } from '@clientele/core';
import { ContractEntity, type CustomerEntity, OrganizationSlaPolicyEntity, type SlaPolicy } from '@clientele/crm';
import type { EntityManager } from 'typeorm';
import type { DemoOrganization } from './demo-crm-seeder';

const DAY_MS = 86_400_000;
const dayFromNow = (days: number): string => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

const BUSINESS_HOURS = {
  timeZone: 'Europe/London',
  days: ['MON', 'TUE', 'WED', 'THU', 'FRI'],
  open: '09:00',
  close: '17:30',
} as const;

/** The organization's default: calendar hours, a day to answer a normal ticket. */
const DEFAULT_POLICY: SlaPolicy = {
  clock: 'CALENDAR_HOURS',
  businessHours: BUSINESS_HOURS,
  targets: {
    URGENT: { firstResponseMinutes: 60, resolutionMinutes: 480 },
    HIGH: { firstResponseMinutes: 240, resolutionMinutes: 1440 },
    NORMAL: { firstResponseMinutes: 1440, resolutionMinutes: 4320 },
  },
};

/** A premium customer's override: business hours in London, tighter targets. */
const PREMIUM_POLICY: SlaPolicy = {
  clock: 'BUSINESS_HOURS',
  businessHours: BUSINESS_HOURS,
  targets: {
    URGENT: { firstResponseMinutes: 15, resolutionMinutes: 240 },
    HIGH: { firstResponseMinutes: 60, resolutionMinutes: 480 },
    NORMAL: { firstResponseMinutes: 120, resolutionMinutes: 960 },
    LOW: { firstResponseMinutes: 480, resolutionMinutes: 2400 },
  },
};

/**
 * The organization's default SLA policy and three contracts: an active premium one with its
 * own policy, one that ends in twelve days (EXPIRING: the renewal to chase) and an expired one,
 * so the customer list shows every `contractStatus`.
 */
export async function seedDemoContracts(
  manager: EntityManager,
  demo: DemoOrganization,
  customers: readonly CustomerEntity[],
): Promise<void> {
  const stamp = {
    tenantId: demo.tenantId,
    organizationId: demo.organizationId,
    createdBy: demo.users.ADMIN,
    updatedBy: demo.users.ADMIN,
  };
  await unscopedRepository(manager, OrganizationSlaPolicyEntity).save({ ...stamp, policy: DEFAULT_POLICY });
  const contracts: ReadonlyArray<Pick<ContractEntity, 'name' | 'startDate' | 'endDate' | 'slaPolicy'>> = [
    { name: 'Premium support', startDate: dayFromNow(-200), endDate: dayFromNow(165), slaPolicy: PREMIUM_POLICY },
    { name: 'Standard support', startDate: dayFromNow(-353), endDate: dayFromNow(12), slaPolicy: null },
    { name: 'Standard support (lapsed)', startDate: dayFromNow(-400), endDate: dayFromNow(-35), slaPolicy: null },
  ];
  for (const [index, contract] of contracts.entries()) {
    const customer = customers[index];
    if (customer === undefined) return;
    await unscopedRepository(manager, ContractEntity).save({ ...stamp, ...contract, customerId: customer.id });
  }
}
