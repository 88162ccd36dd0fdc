import { unscopedRepository } from '@clientele/core';
import { type ContactEntity, type CustomerEntity, DealEntity, type PipelineStageEntity } from '@clientele/crm';
import type { EntityManager } from 'typeorm';
import type { DemoOrganization } from './demo-crm-seeder';

const DAY_MS = 24 * 3_600_000;

/** The demo's stages that rot: a deal sitting in them longer than this is flagged `rotting`. */
export const DEMO_ROTTEN_AFTER_DAYS: Readonly<Record<string, number>> = { Proposal: 14, Negotiation: 21 };

const PRODUCTS = ['Support plan', 'Fleet rollout', 'Pilot', 'Annual licence', 'Data migration', 'Training'] as const;
/** Decimal text, never a JS number; every fourth deal is in USD. */
const VALUES = ['12500.00', '4800.00', '30000.00', '950.50', '72000.00', '2400.00'] as const;
const LOST_REASONS = ['Chose a competitor', 'No budget this year'] as const;

/** A demo company's customer record and its people, as the seeder wrote them. */
export interface DemoAccount {
  readonly customer: CustomerEntity;
  readonly contacts: readonly ContactEntity[];
}

/**
 * Two deals per stage of the default pipeline over the demo's companies (each with its first
 * person as contact and that person's owner as owner), some open ones long enough in a rotting
 * stage to be flagged, won and lost ones closed with their dates (and a reason when lost).
 */
export async function seedDemoDeals(
  manager: EntityManager,
  demo: DemoOrganization,
  stages: readonly PipelineStageEntity[],
  accounts: readonly DemoAccount[],
): Promise<void> {
  const deals = unscopedRepository(manager, DealEntity);
  const now = Date.now();
  for (const [index, { customer, contacts }] of accounts.entries()) {
    const stage = stages[index % stages.length];
    const contact = contacts[0];
    const owner = contact?.ownerId ?? demo.users.MANAGER;
    const closed = stage.kind !== 'OPEN';
    const daysInStage = DEMO_ROTTEN_AFTER_DAYS[stage.name] !== undefined && index % 2 === 0 ? 30 : 3;
    const stageChangedAt = new Date(now - daysInStage * DAY_MS);
    const closeDate = new Date(now + ((index % 5) + 1) * 15 * DAY_MS).toISOString().slice(0, 10);
    await deals.save({
      tenantId: demo.tenantId,
      organizationId: demo.organizationId,
      createdBy: owner,
      updatedBy: owner,
      title: `${customer.name} — ${PRODUCTS[index % PRODUCTS.length]}`,
      value: VALUES[index % VALUES.length],
      currency: index % 4 === 3 ? 'USD' : 'EUR',
      expectedCloseDate: closed ? null : closeDate,
      pipelineId: stage.pipelineId,
      stageId: stage.id,
      contactId: contact?.id ?? null,
      customerId: customer.id,
      ownerId: owner,
      probability: null,
      status: stage.kind === 'OPEN' ? 'OPEN' : stage.kind,
      closedAt: closed ? stageChangedAt : null,
      lostReason: stage.kind === 'LOST' ? LOST_REASONS[index % LOST_REASONS.length] : null,
      stageChangedAt,
    });
  }
}
