import type { DatasetPlan } from './dataset-plan';
import { NOTE_SENTENCES } from './names';
import type { Cell, RowSink } from './row-sink';
import { SeededRandom } from './seeded-random';

/** A stage as the app creates an organization's default pipeline with it (`DEFAULT_PIPELINE_STAGES`). */
export interface StageTemplate {
  readonly name: string;
  readonly probability: number;
  readonly kind: 'OPEN' | 'WON' | 'LOST';
}

export const PIPELINE_COLUMNS = ['id', 'tenant_id', 'organization_id', 'name', 'created_at', 'updated_at'] as const;

export const STAGE_COLUMNS = [
  'id',
  'tenant_id',
  'organization_id',
  'pipeline_id',
  'name',
  'position',
  'probability',
  'kind',
  'created_at',
  'updated_at',
] as const;

export const DEAL_COLUMNS = [
  'id',
  'tenant_id',
  'organization_id',
  'title',
  'value',
  'currency',
  'expected_close_date',
  'pipeline_id',
  'stage_id',
  'contact_id',
  'customer_id',
  'owner_id',
  'probability',
  'status',
  'closed_at',
  'lost_reason',
  'stage_changed_at',
  'created_at',
  'updated_at',
  'deleted_at',
  'created_by',
  'updated_by',
  'version',
] as const;

export const DEAL_TAG_COLUMNS = ['tenant_id', 'organization_id', 'deal_id', 'tag_id'] as const;

export const ACTIVITY_COLUMNS = [
  'id',
  'tenant_id',
  'organization_id',
  'type',
  'subject',
  'body',
  'due_at',
  'completed_at',
  'owner_id',
  'deal_id',
  'customer_id',
  'created_at',
  'updated_at',
  'deleted_at',
  'created_by',
  'updated_by',
  'version',
] as const;

export const ACTIVITY_CONTACT_COLUMNS = ['tenant_id', 'organization_id', 'activity_id', 'contact_id'] as const;

export const NOTE_COLUMNS = [
  'id',
  'tenant_id',
  'organization_id',
  'body',
  'author_id',
  'contact_id',
  'created_at',
  'updated_at',
  'deleted_at',
  'created_by',
  'updated_by',
  'version',
] as const;

/** What the sales rows of one contact need to know about it (handed over as each contact is written). */
export interface WrittenContact {
  readonly id: string;
  readonly tenantId: string;
  readonly organizationId: string;
  readonly lastName: string;
  readonly customerId: string | null;
  readonly ownerId: string | null;
  readonly createdAt: Date;
  readonly deleted: boolean;
  /** The organization's managers and agents. */
  readonly ownerIds: readonly string[];
  readonly tagIds: readonly string[];
  readonly adminId: string;
}

export interface SalesSinks {
  readonly deals: RowSink;
  readonly dealTags: RowSink;
  readonly activities: RowSink;
  readonly activityContacts: RowSink;
  readonly notes: RowSink;
}

export interface SalesCounts {
  pipelines: number;
  stages: number;
  deals: number;
  dealTags: number;
  activities: number;
  activityContacts: number;
  notes: number;
}

interface PlannedStage {
  readonly id: string;
  readonly template: StageTemplate;
}

interface OrganizationPipeline {
  readonly pipelineId: string;
  readonly stages: readonly PlannedStage[];
}

/** Deals per live contact: 1.0 on average. */
const DEALS_PER_CONTACT = { '0': 35, '1': 38, '2': 19, '3': 8 } as const;
/** Activities per live contact: 2.85 on average. */
const ACTIVITIES_PER_CONTACT = { '0': 10, '1': 15, '2': 20, '3': 20, '4': 15, '5': 10, '6': 10 } as const;
/** Where deals sit, by stage name of the default pipeline (25% closed). */
const STAGE_WEIGHTS: Readonly<Record<string, number>> = {
  Lead: 30,
  Qualified: 20,
  Proposal: 15,
  Negotiation: 10,
  Won: 15,
  Lost: 10,
};
/** The organizations' default currency (GBP) first, then two others. */
const CURRENCIES = { GBP: 70, EUR: 20, USD: 10 } as const;
const ACTIVITY_TYPES = { CALL: 35, EMAIL: 35, MEETING: 15, TASK: 15 } as const;
const DEAL_PRODUCTS = [
  'Annual licence',
  'Renewal',
  'Upgrade to Enterprise',
  'Onboarding package',
  'Support contract',
  'Pilot project',
  'Consulting days',
  'Hardware refresh',
  'Training workshop',
  'Multi-year agreement',
];
const LOST_REASONS = ['Price too high', 'Chose a competitor', 'No budget', 'No decision', 'Timing'];
const SUBJECTS: Readonly<Record<keyof typeof ACTIVITY_TYPES, readonly string[]>> = {
  CALL: ['Discovery call', 'Follow-up call', 'Check-in call', 'Pricing call'],
  EMAIL: ['Sent proposal', 'Sent brochure', 'Answered questions', 'Sent contract draft'],
  MEETING: ['Demo', 'Kick-off meeting', 'Quarterly review', 'On-site visit'],
  TASK: ['Prepare quote', 'Send contract', 'Update forecast', 'Call back'],
};

const HISTORY_END = Date.parse('2026-11-01T00:00:00.000Z');
const DAY_MS = 24 * 3600 * 1000;

/**
 * The sales rows of a plan: each organization's default pipeline (as the app creates it), and
 * per live contact about one deal (spread over the stages, owners and three currencies, a
 * quarter of them closed), about three activities (calls, e-mails, meetings, tasks; most done,
 * some linked to one of the contact's deals) and a note for one contact in four. Drawn from a
 * PRNG of its own, so the contacts and their ids are the same as without it.
 */
export class SalesRowGenerator {
  private readonly random: SeededRandom;
  private readonly pipelines = new Map<string, OrganizationPipeline>();
  readonly counts: SalesCounts = {
    pipelines: 0,
    stages: 0,
    deals: 0,
    dealTags: 0,
    activities: 0,
    activityContacts: 0,
    notes: 0,
  };

  constructor(
    private readonly plan: DatasetPlan,
    private readonly pipelineName: string,
    private readonly stageTemplates: readonly StageTemplate[],
  ) {
    this.random = new SeededRandom(plan.seed + 2);
  }

  /** The default pipeline of the organization (after `writePipelines`). */
  pipelineOf(organizationId: string): OrganizationPipeline | undefined {
    return this.pipelines.get(organizationId);
  }

  async writePipelines(pipelines: RowSink, stages: RowSink): Promise<void> {
    const at = new Date(HISTORY_END - 3 * 365 * DAY_MS).toISOString();
    for (const tenant of this.plan.tenants) {
      for (const org of tenant.organizations) {
        const pipelineId = this.random.uuid();
        await pipelines.write([pipelineId, tenant.id, org.id, this.pipelineName, at, at]);
        this.counts.pipelines++;
        const planned = this.stageTemplates.map((template) => ({ id: this.random.uuid(), template }));
        for (const [position, stage] of planned.entries()) {
          await stages.write([
            stage.id,
            tenant.id,
            org.id,
            pipelineId,
            stage.template.name,
            String(position),
            String(stage.template.probability),
            stage.template.kind,
            at,
            at,
          ]);
          this.counts.stages++;
        }
        this.pipelines.set(org.id, { pipelineId, stages: planned });
      }
    }
  }

  /** The deals, activities and note of one contact, just written. Deleted contacts get none. */
  async writeFor(contact: WrittenContact, sinks: SalesSinks): Promise<void> {
    if (contact.deleted) return;
    const pipeline = this.pipelines.get(contact.organizationId);
    if (pipeline === undefined) throw new Error(`no pipeline for organization ${contact.organizationId}`);
    const dealIds: string[] = [];
    const deals = Number(this.random.weighted(DEALS_PER_CONTACT));
    for (let n = 0; n < deals; n++) dealIds.push(await this.writeDeal(contact, pipeline, sinks));
    const activities = Number(this.random.weighted(ACTIVITIES_PER_CONTACT));
    for (let n = 0; n < activities; n++) await this.writeActivity(contact, dealIds, sinks);
    if (this.random.chance(0.25)) {
      const at = this.after(contact.createdAt, 120).toISOString();
      await sinks.notes.write([
        this.random.uuid(),
        contact.tenantId,
        contact.organizationId,
        this.random.pick(NOTE_SENTENCES),
        contact.ownerId ?? contact.adminId,
        contact.id,
        at,
        at,
        null,
        contact.adminId,
        contact.adminId,
        '1',
      ]);
      this.counts.notes++;
    }
  }

  private async writeDeal(contact: WrittenContact, pipeline: OrganizationPipeline, sinks: SalesSinks): Promise<string> {
    const id = this.random.uuid();
    const stageName = this.random.weighted(STAGE_WEIGHTS);
    const stage = pipeline.stages.find((candidate) => candidate.template.name === stageName) ?? pipeline.stages[0];
    if (stage === undefined) throw new Error('the pipeline has no stages');
    const kind = stage.template.kind;
    const createdAt = this.after(contact.createdAt, 30);
    const stageChangedAt = this.after(createdAt, 60);
    const closedAt = kind === 'OPEN' ? null : stageChangedAt.toISOString();
    const currency = this.random.weighted(CURRENCIES);
    const value = `${500 + this.random.int(99_500)}.${String(this.random.int(100)).padStart(2, '0')}`;
    const closeDate = new Date(createdAt.getTime() + (10 + this.random.int(110)) * DAY_MS).toISOString().slice(0, 10);
    const ownerId =
      contact.ownerId !== null && this.random.chance(0.7) ? contact.ownerId : this.random.pick(contact.ownerIds);
    const deleted = this.random.chance(0.01);
    const row: Cell[] = [
      id,
      contact.tenantId,
      contact.organizationId,
      `${this.random.pick(DEAL_PRODUCTS)} – ${contact.lastName}`,
      value,
      currency,
      closeDate,
      pipeline.pipelineId,
      stage.id,
      contact.id,
      contact.customerId !== null && this.random.chance(0.8) ? contact.customerId : null,
      ownerId,
      this.random.chance(0.1) ? String(this.random.int(101)) : null,
      kind,
      closedAt,
      kind === 'LOST' && this.random.chance(0.8) ? this.random.pick(LOST_REASONS) : null,
      stageChangedAt.toISOString(),
      createdAt.toISOString(),
      stageChangedAt.toISOString(),
      deleted ? stageChangedAt.toISOString() : null,
      contact.adminId,
      contact.adminId,
      '1',
    ];
    await sinks.deals.write(row);
    this.counts.deals++;
    if (contact.tagIds.length > 0 && this.random.chance(0.15)) {
      await sinks.dealTags.write([contact.tenantId, contact.organizationId, id, this.random.pick(contact.tagIds)]);
      this.counts.dealTags++;
    }
    return id;
  }

  private async writeActivity(contact: WrittenContact, dealIds: readonly string[], sinks: SalesSinks): Promise<void> {
    const id = this.random.uuid();
    const type = this.random.weighted(ACTIVITY_TYPES);
    const createdAt = this.after(contact.createdAt, 180);
    const scheduled = type === 'TASK' || type === 'MEETING';
    const dueAt = scheduled ? new Date(createdAt.getTime() + this.random.int(14 * DAY_MS)) : null;
    // Calls and e-mails are logged when done; meetings and tasks are done by their due date, or not yet.
    const completedAt = !scheduled
      ? createdAt
      : dueAt !== null && dueAt.getTime() < HISTORY_END && this.random.chance(0.7)
        ? dueAt
        : null;
    await sinks.activities.write([
      id,
      contact.tenantId,
      contact.organizationId,
      type,
      this.random.pick(SUBJECTS[type]),
      this.random.chance(0.3) ? this.random.pick(NOTE_SENTENCES) : null,
      dueAt?.toISOString() ?? null,
      completedAt?.toISOString() ?? null,
      contact.ownerId ?? this.random.pick(contact.ownerIds),
      dealIds.length > 0 && this.random.chance(0.5) ? this.random.pick(dealIds) : null,
      contact.customerId !== null && this.random.chance(0.5) ? contact.customerId : null,
      createdAt.toISOString(),
      (completedAt ?? createdAt).toISOString(),
      null,
      contact.adminId,
      contact.adminId,
      '1',
    ]);
    await sinks.activityContacts.write([contact.tenantId, contact.organizationId, id, contact.id]);
    this.counts.activities++;
    this.counts.activityContacts++;
  }

  /** An instant up to `days` after `from`, never past the end of the generated history. */
  private after(from: Date, days: number): Date {
    return new Date(Math.min(HISTORY_END, from.getTime() + this.random.int(days * DAY_MS)));
  }
}
