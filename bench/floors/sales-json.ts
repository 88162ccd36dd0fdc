type Row = Record<string, unknown>;

const DAY_MS = 24 * 3600 * 1000;

/** A deal's stage as its JSON column carries it (`view_stage`). */
export interface StageJson {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly position: number;
  readonly probability: number;
  readonly rottenAfterDays: number | null;
}

/** A scalar column's text (numbers and strings; anything else as JSON). */
function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return `${value}`;
  return JSON.stringify(value);
}

/** A timestamp as the API writes it; a JSON column's text (`…+00:00`) is read back first. */
export function iso(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return (value instanceof Date ? value : new Date(text(value))).toISOString();
}

function time(value: unknown): number {
  return (value instanceof Date ? value : new Date(text(value))).getTime();
}

/** A `date` column: the API's types give `YYYY-MM-DD`; plain `pg` a local midnight. */
export function day(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (!(value instanceof Date)) return text(value);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}

/**
 * `numeric(19,4)` text at the currency's two minor units (the bench's currencies all have two),
 * as `Money` writes it, by string: never through a float.
 */
export function moneyText(stored: unknown): string {
  const text = String(stored);
  const point = text.indexOf('.');
  if (point < 0) return `${text}.00`;
  return `${text.slice(0, point)}.${text
    .slice(point + 1)
    .padEnd(2, '0')
    .slice(0, 2)}`;
}

/** A deal as `DealResponse` writes it, from a row whose columns are `<prefix><column>`. */
export function dealJson(row: Row, prefix: string, now: number): Record<string, unknown> {
  const column = (name: string): unknown => row[`${prefix}${name}`];
  const stage = row.view_stage as StageJson;
  const own = column('probability') as number | null;
  const status = column('status') as string;
  const stageChangedAt = column('stage_changed_at');
  return {
    id: column('id'),
    organizationId: column('organization_id'),
    title: column('title'),
    value: moneyText(column('value')),
    currency: column('currency'),
    expectedCloseDate: day(column('expected_close_date')),
    pipelineId: column('pipeline_id'),
    stageId: column('stage_id'),
    stage: { id: stage.id, name: stage.name, kind: stage.kind, position: stage.position },
    contactId: column('contact_id'),
    customerId: column('customer_id'),
    ownerId: column('owner_id'),
    probability: own ?? stage.probability,
    probabilityFromStage: own === null,
    status,
    closedAt: iso(column('closed_at')),
    lostReason: column('lost_reason'),
    stageChangedAt: iso(stageChangedAt),
    rotting:
      status === 'OPEN' &&
      stage.rottenAfterDays !== null &&
      now - time(stageChangedAt) > stage.rottenAfterDays * DAY_MS,
    tags: row.view_tags,
    createdAt: iso(column('created_at')),
    updatedAt: iso(column('updated_at')),
    version: column('version'),
  };
}

/** A timeline item (`TimelineItemResponse`): its kind (the source's key), id, time, title and data. */
export interface TimelineEntry {
  readonly kind: string;
  readonly id: string;
  readonly occurredAt: Date;
  readonly title: string;
  readonly data: Record<string, unknown>;
}

/** An activity as `ActivityResponse` writes it, from `activity_<column>` columns and `view_contact_ids`. */
export function activityEntry(row: Row, now: number): TimelineEntry {
  const completedAt = row.activity_completed_at as Date | null;
  const createdAt = row.activity_created_at as Date;
  const dueAt = row.activity_due_at as Date | null;
  const state = completedAt !== null ? 'completed' : dueAt !== null && dueAt.getTime() < now ? 'overdue' : 'open';
  return {
    kind: 'activities',
    id: row.activity_id as string,
    occurredAt: completedAt ?? createdAt,
    title: row.activity_subject as string,
    data: {
      id: row.activity_id,
      organizationId: row.activity_organization_id,
      type: row.activity_type,
      subject: row.activity_subject,
      body: row.activity_body,
      dueAt: iso(dueAt),
      completedAt: iso(completedAt),
      state,
      ownerId: row.activity_owner_id,
      contactIds: row.view_contact_ids,
      dealId: row.activity_deal_id,
      customerId: row.activity_customer_id,
      createdBy: row.activity_created_by,
      createdAt: iso(createdAt),
      updatedAt: iso(row.activity_updated_at),
      version: row.activity_version,
    },
  };
}

/** A note as `NoteResponse` writes it, titled by its first line, from `note_<column>` columns. */
export function noteEntry(row: Row): TimelineEntry {
  const body = row.note_body as string;
  const line = (body.split('\n').find((text) => text.trim() !== '') ?? '').replace(/^#+\s*/, '').trim();
  return {
    kind: 'notes',
    id: row.note_id as string,
    occurredAt: row.note_created_at as Date,
    title: line.length > 120 ? `${line.slice(0, 119)}…` : line,
    data: {
      id: row.note_id,
      organizationId: row.note_organization_id,
      body,
      authorId: row.note_author_id,
      contactId: row.note_contact_id,
      customerId: row.note_customer_id,
      dealId: row.note_deal_id,
      createdAt: iso(row.note_created_at),
      updatedAt: iso(row.note_updated_at),
      version: row.note_version,
    },
  };
}

/**
 * The timeline's merge (`mergeTimelineBatches`): newest first by (time, kind, id), the first
 * `limit`, and the cursor of the last when more follow (base64url of `["timeline", at, kind, id]`).
 */
export function timelinePage(entries: TimelineEntry[], limit: number): Record<string, unknown> {
  entries.sort(
    (a, b) =>
      b.occurredAt.getTime() - a.occurredAt.getTime() ||
      (a.kind === b.kind ? 0 : a.kind < b.kind ? 1 : -1) ||
      (a.id === b.id ? 0 : a.id < b.id ? 1 : -1),
  );
  const items = entries.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map((entry) => ({ ...entry, occurredAt: entry.occurredAt.toISOString() })),
    nextCursor:
      entries.length > limit && last !== undefined
        ? Buffer.from(JSON.stringify(['timeline', last.occurredAt.toISOString(), last.kind, last.id])).toString(
            'base64url',
          )
        : null,
  };
}

/** A `numeric` sum as `sumText` writes it: at least two decimals, never fewer than it has (trailing zeros dropped). */
export function sumText(sum: unknown): string {
  const digits = sum === null || sum === undefined ? '0' : text(sum);
  const point = digits.indexOf('.');
  if (point < 0) return `${digits}.00`;
  const fraction = digits.slice(point + 1).replace(/0+$/, '');
  return `${digits.slice(0, point)}.${fraction.padEnd(2, '0')}`;
}

/** A board column's sums of one currency. */
export interface StageTotalRow {
  readonly stageId: string;
  readonly currency: string;
  readonly dealCount: number;
  readonly value: string;
  readonly weightedValue: string;
}

export function stageTotalJson(row: StageTotalRow): Record<string, unknown> {
  return {
    currency: row.currency,
    dealCount: row.dealCount,
    value: sumText(row.value),
    weightedValue: sumText(row.weightedValue),
  };
}
