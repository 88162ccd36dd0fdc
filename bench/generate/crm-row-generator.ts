import type { DatasetPlan, PlannedOrganization, PlannedTenant } from './dataset-plan';
import {
  COMPANY_KINDS,
  COMPANY_SUFFIXES,
  COMPANY_WORDS,
  FIRST_NAMES,
  FREE_MAIL_DOMAINS,
  JOB_TITLES,
  LAST_NAMES,
  NOTE_SENTENCES,
  TOP_LEVEL_DOMAINS,
} from './names';
import type { Cell, RowSink } from './row-sink';
import type { WrittenContact } from './sales-row-generator';
import { SeededRandom } from './seeded-random';

export const CUSTOMER_COLUMNS = [
  'id',
  'tenant_id',
  'organization_id',
  'name',
  'kind',
  'primary_domain',
  'logo_url',
  'notes',
  'owner_id',
  'created_at',
  'updated_at',
  'deleted_at',
  'created_by',
  'updated_by',
  'version',
] as const;

export const CONTACT_COLUMNS = [
  'id',
  'tenant_id',
  'organization_id',
  'name',
  'first_name',
  'last_name',
  'primary_email',
  'primary_phone',
  'job_title',
  'contact_type',
  'status',
  'customer_id',
  'owner_id',
  'image_url',
  'budget',
  'budget_type',
  'notes',
  'marketing_opt_out',
  'is_active',
  'created_at',
  'updated_at',
  'deleted_at',
  'created_by',
  'updated_by',
  'version',
] as const;

export const TAG_COLUMNS = ['id', 'tenant_id', 'organization_id', 'name', 'color', 'created_at', 'updated_at'] as const;

/** Link rows carry their owner's tenant and organization, then the owner and the target. */
export const LINK_COLUMNS = {
  customer_tag: ['tenant_id', 'organization_id', 'customer_id', 'tag_id'],
  contact_tag: ['tenant_id', 'organization_id', 'contact_id', 'tag_id'],
  contact_member: ['tenant_id', 'organization_id', 'contact_id', 'user_id'],
} as const;

const TAG_NAMES = [
  'VIP',
  'Newsletter',
  'Partner',
  'Churn risk',
  'Enterprise',
  'SMB',
  'Trade fair 2026',
  'Referral',
  'Decision maker',
  'Technical',
  'Billing contact',
  'Do not call',
];
const TAG_COLORS = ['#EF4444', '#F59E0B', '#10B981', '#3B82F6', '#8B5CF6', '#EC4899', '#6B7280'];

const CONTACT_KINDS = {
  CUSTOMER: 35,
  LEAD: 25,
  CLIENT: 15,
  VENDOR: 8,
  PARTNER: 7,
  CONTRACTOR: 5,
  OTHER: 5,
} as const;
const STATUSES = { Prospect: 40, Active: 45, Churned: 15 } as const;

/** Contacts are spread over the three years before this instant, oldest first, as if typed in over time. */
const HISTORY_END = Date.parse('2026-11-01T00:00:00.000Z');
const HISTORY_MS = 3 * 365 * 24 * 3600 * 1000;

interface CustomerRef {
  readonly id: string;
  readonly domain: string;
}

interface OrganizationState {
  readonly org: PlannedOrganization;
  readonly tenant: PlannedTenant;
  remaining: number;
  readonly emails: Set<string>;
  readonly customers: CustomerRef[];
  readonly tagIds: string[];
}

export interface GeneratedCounts {
  customers: number;
  contacts: number;
  deletedContacts: number;
  tags: number;
  contactTags: number;
  contactMembers: number;
  customerTags: number;
}

/**
 * Produces the CRM rows of a plan: tags, customers (companies with domains), contacts with
 * realistic names, e-mails at their company's domain or a free-mail one, owners, statuses,
 * tags; all from a PRNG seeded apart from the plan's, so adding a column here never changes ids.
 */
export class CrmRowGenerator {
  private readonly random: SeededRandom;
  private readonly states: OrganizationState[];
  readonly counts: GeneratedCounts = {
    customers: 0,
    contacts: 0,
    deletedContacts: 0,
    tags: 0,
    contactTags: 0,
    contactMembers: 0,
    customerTags: 0,
  };

  constructor(private readonly plan: DatasetPlan) {
    this.random = new SeededRandom(plan.seed + 1);
    this.states = plan.tenants.flatMap((tenant) =>
      tenant.organizations.map((org) => ({
        org,
        tenant,
        remaining: org.contacts,
        emails: new Set<string>(),
        customers: [],
        tagIds: [],
      })),
    );
  }

  async writeTags(tags: RowSink): Promise<void> {
    for (const state of this.states) {
      for (const name of TAG_NAMES) {
        const id = this.random.uuid();
        state.tagIds.push(id);
        const at = new Date(HISTORY_END - HISTORY_MS).toISOString();
        await tags.write([id, state.tenant.id, state.org.id, name, this.random.pick(TAG_COLORS), at, at]);
        this.counts.tags++;
      }
    }
  }

  async writeCustomers(customers: RowSink, customerTags: RowSink): Promise<void> {
    for (const state of this.states) {
      const names = new Set<string>();
      for (let n = 0; n < state.org.customers; n++) {
        const base = this.companyName();
        let name = base;
        for (let suffix = 2; names.has(name.toLowerCase()); suffix++) name = `${base} ${suffix}`;
        names.add(name.toLowerCase());
        const id = this.random.uuid();
        const domain = `${slug(name.replace(/ (Ltd|Inc|GmbH|LLC|plc|SA|BV|Group|Co)$/, ''))}.${this.random.pick(TOP_LEVEL_DOMAINS)}`;
        state.customers.push({ id, domain });
        const at = new Date(HISTORY_END - HISTORY_MS + this.random.int(HISTORY_MS)).toISOString();
        await customers.write([
          id,
          state.tenant.id,
          state.org.id,
          name,
          this.random.weighted(CONTACT_KINDS),
          domain,
          this.random.chance(0.3) ? `https://logos.bench.test/${id}.png` : null,
          this.random.chance(0.15) ? this.random.pick(NOTE_SENTENCES) : null,
          this.random.chance(0.8) ? this.random.pick(state.org.ownerIds) : null,
          at,
          at,
          null,
          state.tenant.admin.id,
          state.tenant.admin.id,
          '1',
        ]);
        this.counts.customers++;
        if (this.random.chance(0.2)) {
          await customerTags.write([state.tenant.id, state.org.id, id, this.random.pick(state.tagIds)]);
          this.counts.customerTags++;
        }
      }
    }
  }

  /**
   * Contacts in creation order across all organizations, so the heap is ordered by time as in
   * life; `written` hears of each one (the sales rows follow their contact).
   */
  async writeContacts(
    contacts: RowSink,
    contactTags: RowSink,
    contactMembers: RowSink,
    written?: (contact: WrittenContact) => Promise<void>,
  ): Promise<void> {
    const total = this.plan.contacts;
    const step = HISTORY_MS / Math.max(1, total);
    let remainingTotal = total;
    for (let index = 0; index < total; index++) {
      const state = this.pickOrganization(remainingTotal);
      state.remaining--;
      remainingTotal--;
      const createdAt = new Date(HISTORY_END - HISTORY_MS + index * step + this.random.int(Math.max(1, step)));
      const contact = await this.writeContact(state, createdAt, contacts, contactTags, contactMembers);
      if (written !== undefined) await written(contact);
    }
  }

  private async writeContact(
    state: OrganizationState,
    createdAt: Date,
    contacts: RowSink,
    contactTags: RowSink,
    contactMembers: RowSink,
  ): Promise<WrittenContact> {
    const id = this.random.uuid();
    const firstName = this.random.pick(FIRST_NAMES);
    const lastName = this.random.pick(LAST_NAMES);
    const customer = state.customers.length > 0 && this.random.chance(0.7) ? this.random.pick(state.customers) : null;
    const email = this.random.chance(0.92) ? this.uniqueEmail(state, firstName, lastName, customer) : null;
    const deleted = this.random.chance(0.02);
    const updatedAt = this.random.chance(0.3)
      ? new Date(Math.min(HISTORY_END, createdAt.getTime() + this.random.int(90 * 24 * 3600 * 1000)))
      : createdAt;
    const hasBudget = this.random.chance(0.25);
    const row: Cell[] = [
      id,
      state.tenant.id,
      state.org.id,
      `${firstName} ${lastName}`,
      firstName,
      lastName,
      email,
      this.random.chance(0.85) ? this.phone() : null,
      this.random.chance(0.7) ? this.random.pick(JOB_TITLES) : null,
      this.random.weighted(CONTACT_KINDS),
      this.random.weighted(STATUSES),
      customer?.id ?? null,
      this.random.chance(0.9) ? this.random.pick(state.org.ownerIds) : null,
      this.random.chance(0.2) ? `https://avatars.bench.test/${id}.png` : null,
      hasBudget ? `${this.random.int(50_000)}.${String(this.random.int(100)).padStart(2, '0')}00` : null,
      hasBudget ? (this.random.chance(0.5) ? 'HOURS' : 'COST') : null,
      this.random.chance(0.2) ? this.random.pick(NOTE_SENTENCES) : null,
      this.random.chance(0.1) ? 't' : 'f',
      this.random.chance(0.95) ? 't' : 'f',
      createdAt.toISOString(),
      updatedAt.toISOString(),
      deleted ? updatedAt.toISOString() : null,
      state.tenant.admin.id,
      state.tenant.admin.id,
      '1',
    ];
    await contacts.write(row);
    this.counts.contacts++;
    if (deleted) this.counts.deletedContacts++;
    if (this.random.chance(0.3)) {
      const first = this.random.int(state.tagIds.length);
      const howMany = 1 + this.random.int(3);
      for (let n = 0; n < howMany; n++) {
        const tagId = state.tagIds[(first + n) % state.tagIds.length];
        if (tagId === undefined) continue;
        await contactTags.write([state.tenant.id, state.org.id, id, tagId]);
        this.counts.contactTags++;
      }
    }
    if (this.random.chance(0.05)) {
      await contactMembers.write([state.tenant.id, state.org.id, id, this.random.pick(state.org.ownerIds)]);
      this.counts.contactMembers++;
    }
    return {
      id,
      tenantId: state.tenant.id,
      organizationId: state.org.id,
      lastName,
      customerId: customer?.id ?? null,
      ownerId: row[CONTACT_COLUMNS.indexOf('owner_id')] ?? null,
      createdAt,
      deleted,
      ownerIds: state.org.ownerIds,
      tagIds: state.tagIds,
      adminId: state.tenant.admin.id,
    };
  }

  /** Weighted by what each organization still has to receive, so counts come out exact. */
  private pickOrganization(remainingTotal: number): OrganizationState {
    let roll = this.random.int(remainingTotal);
    for (const state of this.states) {
      if (roll < state.remaining) return state;
      roll -= state.remaining;
    }
    throw new Error('no organization left to receive a contact');
  }

  private uniqueEmail(
    state: OrganizationState,
    firstName: string,
    lastName: string,
    customer: CustomerRef | null,
  ): string {
    const first = slug(firstName);
    const last = slug(lastName);
    const domain = customer?.domain ?? this.random.pick(FREE_MAIL_DOMAINS);
    const style = this.random.int(3);
    const local = style === 0 ? `${first}.${last}` : style === 1 ? `${first[0] ?? 'x'}${last}` : `${first}${last}`;
    let email = customer === null ? `${local}${this.random.int(100)}@${domain}` : `${local}@${domain}`;
    for (let n = 2; state.emails.has(email); n++) email = `${local}${n}@${domain}`;
    state.emails.add(email);
    return email;
  }

  private companyName(): string {
    switch (this.random.int(4)) {
      case 0:
        return `${this.random.pick(COMPANY_WORDS)} ${this.random.pick(COMPANY_KINDS)} ${this.random.pick(COMPANY_SUFFIXES)}`;
      case 1:
        return `${this.random.pick(COMPANY_WORDS)}${this.random.pick(COMPANY_WORDS).toLowerCase()} ${this.random.pick(COMPANY_SUFFIXES)}`;
      case 2:
        return `${this.random.pick(LAST_NAMES)} & ${this.random.pick(LAST_NAMES)}`;
      default:
        return `${this.random.pick(LAST_NAMES)} ${this.random.pick(COMPANY_KINDS)}`;
    }
  }

  private phone(): string {
    return `+44 7${String(this.random.int(1000)).padStart(3, '0')} ${String(this.random.int(1_000_000)).padStart(6, '0')}`;
  }
}

/** Lower-case ASCII letters and digits only: "Müller & O'Brien" → "mullerobrien". */
function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
