import { type BuiltInRoleName, unscopedRepository } from '@clientele/core';
import {
  CONTACT_MEMBERS,
  CONTACT_TAGS,
  ContactEntity,
  CUSTOMER_TAGS,
  CustomerEntity,
  DEFAULT_PIPELINE_NAME,
  DEFAULT_PIPELINE_STAGES,
  PipelineEntity,
  PipelineStageEntity,
  TagEntity,
} from '@clientele/crm';
import type { EntityManager } from 'typeorm';
import { DEMO_ROTTEN_AFTER_DAYS, type DemoAccount, seedDemoDeals } from './demo-crm-deals';
import { seedDemoAssetsAndProjects } from './demo-assets-seeder';
import { seedDemoFeed } from './demo-crm-feed';
import { seedDemoContracts } from './demo-contracts.seeder';
import { seedDemoTickets } from './demo-tickets-seeder';
import { seedDemoInvoices } from './demo-invoices.seeder';
import { DEMO_COMPANIES, DEMO_TAGS, type DemoCompany, type DemoPerson, type DemoTagName } from './demo-crm.data';

export interface DemoOrganization {
  readonly tenantId: string;
  readonly organizationId: string;
  /** The demo user of each built-in role. */
  readonly users: Readonly<Record<BuiltInRoleName, string>>;
}

const HOUR_MS = 3_600_000;
/** Records are spread over the last weeks, oldest first, so lists read like a real CRM's. */
const SPACING_MS = 7 * HOUR_MS;

/**
 * The demo tenant's CRM: tags, the twelve companies and their sixty people, deals in every stage
 * (`demo-crm-deals.ts`), activities and notes (`demo-crm-feed.ts`), a few tickets linked to the
 * people (`demo-tickets-seeder.ts`), assets and a project (`demo-assets-seeder.ts`), and support
 * contracts with SLAs (`demo-contracts.seeder.ts`), written in the caller's transaction. Every
 * third person is owned by the AGENT (and has them as a member), so the AGENT's edit-own rule has
 * something to show.
 */
export async function seedDemoCrm(
  manager: EntityManager,
  demo: DemoOrganization,
  invoicePrefix = 'INV',
): Promise<void> {
  const stages = await seedDefaultPipeline(manager, demo);
  const tags = await seedTags(manager, demo);
  const total = DEMO_COMPANIES.reduce((sum, company) => sum + 1 + company.people.length, 0);
  const startedAt = Date.now() - total * SPACING_MS;
  let sequence = 0;
  const nextCreatedAt = (): Date => new Date(startedAt + sequence++ * SPACING_MS);
  let personIndex = 0;
  const accounts: DemoAccount[] = [];
  for (const company of DEMO_COMPANIES) {
    const customer = await seedCustomer(manager, demo, company, tags, nextCreatedAt());
    const people: ContactEntity[] = [];
    for (const person of company.people) {
      people.push(
        await seedContact(manager, demo, { company, customer, person, personIndex, tags, createdAt: nextCreatedAt() }),
      );
      personIndex += 1;
    }
    accounts.push({ customer, contacts: people });
  }
  await seedDemoDeals(manager, demo, stages, accounts);
  await seedDemoTickets(manager, demo, accounts);
  await seedDemoAssetsAndProjects(manager, demo, accounts);
  await seedDemoContracts(
    manager,
    demo,
    accounts.map((account) => account.customer),
  );
  await seedDemoFeed(
    manager,
    demo,
    accounts.flatMap((account) => account.contacts),
  );
  await seedDemoInvoices(
    manager,
    demo,
    accounts.map((account) => account.customer),
    invoicePrefix,
  );
}

/**
 * The pipeline every organization starts with (the seeder writes the organization itself,
 * unscoped), with two stages that rot so the demo has rotting deals to show.
 */
async function seedDefaultPipeline(manager: EntityManager, demo: DemoOrganization): Promise<PipelineStageEntity[]> {
  const pipeline = await unscopedRepository(manager, PipelineEntity).save({
    ...stamp(demo, demo.users.ADMIN),
    name: DEFAULT_PIPELINE_NAME,
  });
  const stages: PipelineStageEntity[] = [];
  for (const [position, stage] of DEFAULT_PIPELINE_STAGES.entries()) {
    const saved = await unscopedRepository(manager, PipelineStageEntity).save({
      ...stamp(demo, demo.users.ADMIN),
      pipelineId: pipeline.id,
      name: stage.name,
      position,
      probability: stage.probability,
      kind: stage.kind,
      rottenAfterDays: DEMO_ROTTEN_AFTER_DAYS[stage.name] ?? stage.rottenAfterDays ?? null,
    });
    stages.push(saved);
  }
  return stages;
}

async function seedTags(manager: EntityManager, demo: DemoOrganization): Promise<Map<DemoTagName, TagEntity>> {
  const tags = new Map<DemoTagName, TagEntity>();
  for (const tag of DEMO_TAGS) {
    const saved = await unscopedRepository(manager, TagEntity).save({
      ...stamp(demo, demo.users.ADMIN),
      name: tag.name,
      color: tag.color,
      description: tag.description,
    });
    tags.set(tag.name, saved);
  }
  return tags;
}

async function seedCustomer(
  manager: EntityManager,
  demo: DemoOrganization,
  company: DemoCompany,
  tags: ReadonlyMap<DemoTagName, TagEntity>,
  createdAt: Date,
): Promise<CustomerEntity> {
  const customer = await unscopedRepository(manager, CustomerEntity).save({
    ...stamp(demo, demo.users.MANAGER),
    name: company.name,
    kind: company.kind,
    primaryDomain: company.domain,
    notes: company.notes ?? null,
    ownerId: demo.users.MANAGER,
    createdAt,
    updatedAt: createdAt,
  });
  await CUSTOMER_TAGS.addUnscoped(manager, customer, pickTagIds(tags, company.tags));
  return customer;
}

interface ContactSeed {
  readonly company: DemoCompany;
  readonly customer: CustomerEntity;
  readonly person: DemoPerson;
  readonly personIndex: number;
  readonly tags: ReadonlyMap<DemoTagName, TagEntity>;
  readonly createdAt: Date;
}

async function seedContact(manager: EntityManager, demo: DemoOrganization, seed: ContactSeed): Promise<ContactEntity> {
  const { company, customer, person, personIndex, createdAt } = seed;
  const ownerId = [demo.users.AGENT, demo.users.MANAGER, demo.users.ADMIN][personIndex % 3];
  const contact = await unscopedRepository(manager, ContactEntity).save({
    ...stamp(demo, ownerId),
    name: `${person.firstName} ${person.lastName}`,
    firstName: person.firstName,
    lastName: person.lastName,
    primaryEmail: `${emailPart(person.firstName)}.${emailPart(person.lastName)}@${company.domain}`,
    // 020 7946 0000–0999 is reserved for drama: realistic, and never anyone's number.
    primaryPhone: `+44 20 7946 ${String(personIndex).padStart(4, '0')}`,
    jobTitle: person.jobTitle,
    contactType: person.kind ?? company.kind,
    status: person.status,
    customerId: customer.id,
    ownerId,
    budget: person.budget?.amount ?? null,
    budgetType: person.budget?.type ?? null,
    notes: person.notes ?? null,
    marketingOptOut: person.marketingOptOut ?? false,
    isActive: person.status !== 'Churned',
    createdAt,
    updatedAt: createdAt,
  });
  await CONTACT_TAGS.addUnscoped(manager, contact, pickTagIds(seed.tags, person.tags));
  if (ownerId === demo.users.AGENT) await CONTACT_MEMBERS.addUnscoped(manager, contact, [demo.users.AGENT]);
  return contact;
}

function stamp(
  demo: DemoOrganization,
  author: string,
): { tenantId: string; organizationId: string; createdBy: string; updatedBy: string } {
  return { tenantId: demo.tenantId, organizationId: demo.organizationId, createdBy: author, updatedBy: author };
}

function pickTagIds(tags: ReadonlyMap<DemoTagName, TagEntity>, names: readonly DemoTagName[] = []): string[] {
  return names.flatMap((name) => {
    const tag = tags.get(name);
    return tag === undefined ? [] : [tag.id];
  });
}

/** "O'Brien" → "obrien": the local part of a plausible company e-mail address. */
function emailPart(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
