import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { verify as verifyPassword } from '@node-rs/argon2';
import type { Pool, PoolClient } from 'pg';
import {
  ACTOR_SQL,
  AUDIT_ONLY_SQL,
  BOARD_PIPELINE_SQL,
  BOARD_STAGE_PAGE_SQL,
  BOARD_STAGES_SQL,
  BOARD_TOTALS_SQL,
  DEAL_LIST_SQL,
  DETAIL_ACTIVITIES_SQL,
  DETAIL_NOTES_SQL,
  TICKET_LIST_SQL,
  TIMELINE_ACTIVITIES_SQL,
  TIMELINE_CONTACT_SQL,
  TIMELINE_FIELD_CHANGES_SQL,
  TIMELINE_NOTES_SQL,
  TIMELINE_STAGE_CHANGES_SQL,
  COMMIT,
  CONTACT_BY_ID_SQL,
  CONTACT_PAGE_SQL,
  CREATE_EMAIL_TAKEN_SQL,
  CREATE_INSERT_SQL,
  CREATE_ORGANIZATION_SQL,
  CREATE_OWNER_MEMBERSHIP_SQL,
  CREATED_BY_ID_SQL,
  CURSOR_PAGE_SQL,
  CUSTOMER_LIST_SQL,
  FEED_PAGE_SQL,
  FEED_PURGED_SQL,
  FILTERED_PAGE_SQL,
  INVOICE_LIST_SQL,
  INVOICE_SUMMARY_SQL,
  LOGIN_CLEAR_LOCKOUT_SQL,
  LOGIN_FIND_USER_SQL,
  LOGIN_INSERT_REFRESH_TOKEN_SQL,
  LOGIN_INSERT_SESSION_SQL,
  LOGIN_PENDING_SQL,
  LOGIN_MFA_SQL,
  OPEN_DEALS_SQL,
  PUBLISH_EVENT_SQL,
  SEARCH_PAGE_SQL,
  SET_TYPO_THRESHOLD_SQL,
  START_TRANSACTION,
} from './api-sql';
import { aliasedContact, contactDetailJson, embeddedContactJson } from './contact-json';
import type { FloorReply, FloorRequest, FloorRoute } from './floor-server';
import type { Hs256Token, TokenClaims } from './hs256-token';
import { encodeCursor, decodeCursor } from './keyset-cursor-codec';
import { feedPage } from './event-json';
import { customerJson, invoiceJson, summaryCurrencyJson, ticketJson } from './service-json';
import { containsPattern } from './like-pattern';
import {
  activityEntry,
  dealJson,
  noteEntry,
  stageTotalJson,
  type StageTotalRow,
  type TimelineEntry,
  timelinePage,
} from './sales-json';

const ACCESS_TOKEN_TTL_SECONDS = 900;
const SESSION_TTL_MS = 12 * 3600 * 1000;
/** Like the API, the actor's memberships are read once and kept briefly. */
const ACTOR_CACHE_MS = 30_000;
/** The page size baked into the captured SQL (`LIMIT 26`: 25 rows and one to know there is more). */
const PAGE_SIZE = 25;
/** Filtered totals stop counting here (`LIMIT 10001` in the captured SQL). */
const TOTAL_COUNT_CAP = 10_000;

type Row = Record<string, unknown>;

/**
 * The same-SQL floor: bare node:http + pg running exactly the statements of `api-sql.ts`, in
 * the API's order and round trips, transactions included. The gap between it and the API is
 * framework cost; the gap between it and the page floor is the cost of the API's SQL.
 */
export function sameSqlFloorRoutes(tokens: Hs256Token, pool: Pool): FloorRoute[] {
  const actors = new ActorCache(pool);
  const authed =
    (handle: (request: FloorRequest, claims: TokenClaims, organizations: string[]) => Promise<FloorReply>) =>
    async (request: FloorRequest): Promise<FloorReply> => {
      const claims = tokens.verify(header(request.headers.authorization));
      if (claims === null) return { status: 401, body: { status: 401, code: 'INVALID_TOKEN' } };
      return handle(request, claims, await actors.organizations(claims));
    };
  return [
    {
      method: 'GET',
      path: /^\/api\/crm\/contacts$/,
      handle: authed((request, claims) => listContacts(request, claims, pool)),
    },
    { method: 'GET', path: /^\/api\/crm\/contacts\/([0-9a-f-]{36})$/, handle: authed(contactDetail) },
    {
      method: 'POST',
      path: /^\/api\/crm\/contacts$/,
      handle: authed((request, claims) => createContact(request, claims, pool)),
    },
    { method: 'POST', path: /^\/api\/auth\/login$/, handle: (request) => login(request, tokens, pool) },
    { method: 'GET', path: /^\/api\/deals\/board$/, handle: authed(dealBoard) },
    { method: 'GET', path: /^\/api\/deals$/, handle: authed(listDeals) },
    { method: 'GET', path: /^\/api\/crm\/contacts\/([0-9a-f-]{36})\/timeline$/, handle: authed(contactTimeline) },
    { method: 'GET', path: /^\/api\/events$/, handle: authed(changeFeed) },
    { method: 'GET', path: /^\/api\/tickets$/, handle: authed(listTickets) },
    { method: 'GET', path: /^\/api\/crm\/customers$/, handle: authed(listCustomers) },
    { method: 'GET', path: /^\/api\/invoices$/, handle: authed(listInvoices) },
    { method: 'GET', path: /^\/api\/invoices\/summary$/, handle: authed(invoiceSummary) },
  ];
}

async function listContacts({ url, headers, db }: FloorRequest, claims: TokenClaims, pool: Pool): Promise<FloorReply> {
  const query = url.searchParams;
  const organizationId = query.get('organizationId') ?? header(headers['x-organization-id']);
  // The captured SQL is the one-organization form (`organization_id = $2`), which every list scenario uses.
  if (organizationId === undefined) return { status: 501, body: { status: 501, code: 'FLOOR_NEEDS_ORGANIZATION' } };
  const scope = [claims.tid, organizationId];
  // The unfiltered total's `record_count` subquery comes first in the select list, so its parameters do too.
  const counters = [claims.tid, [organizationId], 'contact', ...scope];
  const cursor = query.get('cursor');
  const q = query.get('q');
  const kind = query.get('kind');
  // A searched total is a count that stops at the cap; the counters' totals are exact.
  let page: { sql: string; params: unknown[]; cappedCount: boolean };
  if (cursor !== null) {
    const position = decodeCursor(cursor);
    if (position === null) return { status: 400, body: { status: 400, code: 'VALIDATION_FAILED' } };
    page = { sql: CURSOR_PAGE_SQL, params: [...counters, position.value, position.id], cappedCount: false };
  } else if (q !== null) {
    // `listSearch`'s parameters: the term, its prefix and word-prefix patterns, the contains pattern.
    const term = q.trim().replace(/\s+/g, ' ').toLowerCase();
    const escaped = term.replace(/[\\%_]/g, (c) => `\\${c}`);
    const params = [term, `${escaped}%`, `% ${escaped}%`, containsPattern(q), ...scope, claims.tid];
    page = { sql: SEARCH_PAGE_SQL, params, cappedCount: true };
  } else if (kind !== null) {
    // The facet counters' subquery comes first, with the same values as the filter.
    const facets = [kind, query.get('status'), query.get('ownerId')];
    const params = [claims.tid, [organizationId], ...facets, ...scope, ...facets];
    page = { sql: FILTERED_PAGE_SQL, params, cappedCount: false };
  } else {
    page = { sql: CONTACT_PAGE_SQL, params: counters, cappedCount: false };
  }
  // A search runs in a transaction that sets the typo threshold (`readTypoTolerant`), as the API's does.
  const { rows } =
    q !== null && cursor === null
      ? await searchInTransaction(pool, page.sql, page.params)
      : await db.query<Row>(page.sql, page.params);
  // Every row carries the total; a page with no rows carries none (the API then counts past the end only).
  const counted = Number(rows[0]?.page_total ?? 0);
  const capped = page.cappedCount && counted > TOTAL_COUNT_CAP;
  const hasMore = rows.length > PAGE_SIZE;
  const items = rows.slice(0, PAGE_SIZE);
  const last = items.at(-1);
  const lastContact = last === undefined ? undefined : aliasedContact(last, 'contact');
  return {
    status: 200,
    body: {
      items: items.map((row) => embeddedContactJson(row, 'contact')),
      total: capped ? TOTAL_COUNT_CAP : counted,
      ...(capped ? { totalCapped: true } : {}),
      nextCursor:
        hasMore && lastContact !== undefined
          ? encodeCursor('-createdAt', lastContact.createdAt.toISOString(), lastContact.id)
          : null,
    },
  };
}

async function contactDetail(
  { params, db }: FloorRequest,
  claims: TokenClaims,
  visible: string[],
): Promise<FloorReply> {
  const found = await db.query<Row>(CONTACT_BY_ID_SQL, [claims.tid, visible, params[0]]);
  const row = found.rows[0];
  if (row === undefined) return { status: 404, body: { status: 404, code: 'CONTACT_NOT_FOUND' } };
  // The sections, in the contact's organization: open deals, ten latest activities, ten latest notes.
  const organizationId = row.row_organization_id;
  const section = [claims.tid, visible, organizationId, params[0]];
  const deals = await db.query<Row>(OPEN_DEALS_SQL, section);
  const activities = await db.query<Row>(DETAIL_ACTIVITIES_SQL, section);
  const notes = await db.query<Row>(DETAIL_NOTES_SQL, section);
  const now = Date.now();
  return {
    status: 200,
    body: {
      ...embeddedContactJson(row, 'row', contactDetailJson),
      openDeals: deals.rows.map(openDealJson),
      recentActivities: activities.rows.map((activity) => activityEntry(activity, now).data),
      notes: notes.rows.map((note) => noteEntry(note).data),
    },
  };
}

/** The fields of a deal row the portal shows first; the API's `DealResponse` has more of the same row. */
function openDealJson(row: Row): Record<string, unknown> {
  return {
    id: row.deal_id,
    title: row.deal_title,
    value: row.deal_value,
    currency: row.deal_currency,
    status: row.deal_status,
    stage: row.view_stage,
    tags: row.view_tags,
  };
}

/** TypeORM's round trips for a search: START TRANSACTION, the threshold, the page, COMMIT. */
async function searchInTransaction(pool: Pool, sql: string, params: unknown[]): Promise<{ rows: Row[] }> {
  const client = await pool.connect();
  try {
    await client.query(START_TRANSACTION);
    await client.query(SET_TYPO_THRESHOLD_SQL, ['pg_trgm.word_similarity_threshold', '0.4']);
    const result = await client.query<Row>(sql, params);
    await client.query(COMMIT);
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

interface CreateContactBody {
  firstName?: string;
  lastName?: string;
  email?: string;
  kind?: string;
  status?: string;
  ownerId?: string;
}

async function createContact({ body, headers }: FloorRequest, claims: TokenClaims, pool: Pool): Promise<FloorReply> {
  const input = (body ?? {}) as CreateContactBody;
  const organizationId = header(headers['x-organization-id']);
  if (organizationId === undefined) return { status: 400, body: { status: 400, code: 'VALIDATION_FAILED' } };
  const scope = [claims.tid, organizationId];
  const ownerId = input.ownerId ?? claims.sub;
  const name = [input.firstName, input.lastName].filter((part) => part !== undefined && part !== '').join(' ');
  let contactId: string | undefined;
  const outcome = await inTransaction(pool, async (client) => {
    const organization = await client.query<Row>(CREATE_ORGANIZATION_SQL, [...scope, organizationId]);
    const statuses = organization.rows[0]?.row_contact_statuses as string[] | undefined;
    if (statuses === undefined || (input.status !== undefined && !statuses.includes(input.status))) {
      return { status: 400, body: { status: 400, code: 'VALIDATION_FAILED' } };
    }
    const taken = await client.query<Row>(CREATE_EMAIL_TAKEN_SQL, [...scope, organizationId, input.email ?? null]);
    if (taken.rows.length > 0) return { status: 409, body: { status: 409, code: 'CONTACT_EMAIL_TAKEN' } };
    const owner = await client.query<Row>(CREATE_OWNER_MEMBERSHIP_SQL, [...scope, organizationId, [ownerId]]);
    if (owner.rows.length === 0) return { status: 400, body: { status: 400, code: 'VALIDATION_FAILED' } };
    const values = [
      claims.tid,
      claims.sub,
      claims.sub,
      organizationId,
      name,
      input.firstName ?? null,
      input.lastName ?? null,
      input.email ?? null,
      input.kind ?? 'CUSTOMER',
      input.status ?? null,
      ownerId,
    ];
    const inserted = await client.query<{ id: string; created_at: Date }>(CREATE_INSERT_SQL, values);
    const created = inserted.rows[0];
    if (created === undefined) throw new Error('the insert returned no row');
    contactId = created.id;
    const after = {
      id: created.id,
      tenantId: claims.tid,
      createdAt: created.created_at,
      updatedAt: created.created_at,
      deletedAt: null,
      createdBy: claims.sub,
      updatedBy: claims.sub,
      version: 1,
      organizationId,
      name,
      firstName: input.firstName ?? null,
      lastName: input.lastName ?? null,
      primaryEmail: input.email ?? null,
      primaryPhone: null,
      jobTitle: null,
      contactType: input.kind ?? 'CUSTOMER',
      status: input.status ?? null,
      customerId: null,
      ownerId,
      imageUrl: null,
      budget: null,
      budgetType: null,
      notes: null,
      marketingOptOut: false,
      isActive: true,
      tagIds: [],
      memberIds: [],
    };
    await client.query(PUBLISH_EVENT_SQL, [
      claims.tid,
      organizationId,
      'user',
      claims.sub,
      'contact.created',
      'contact',
      created.id,
      null,
      after,
      randomUUID(),
      randomUUID(),
      1,
      null,
    ]);
    return undefined;
  });
  if (outcome !== undefined) return outcome;
  const found = await pool.query<Row>(CREATED_BY_ID_SQL, [...scope, contactId]);
  const row = found.rows[0];
  if (row === undefined) throw new Error('the created contact is not found');
  return { status: 201, body: embeddedContactJson(row, 'row') };
}

interface LoginBody {
  email?: string;
  password?: string;
}

async function login({ body, headers }: FloorRequest, tokens: Hs256Token, pool: Pool): Promise<FloorReply> {
  const input = (body ?? {}) as LoginBody;
  const email = (input.email ?? '').toLowerCase();
  const emailHash = createHash('sha256').update(email).digest('hex');
  // The API's defaults: 5 failures in 900 s lock; pending attempts count for 60 s.
  const pending = await pool.query(LOGIN_PENDING_SQL, [emailHash, 5, 900, 60]);
  if (pending.rows.length === 0) return { status: 429, body: { status: 429, code: 'LOGIN_LOCKED' } };
  const found = await pool.query<Row>(LOGIN_FIND_USER_SQL, [email]);
  const user = found.rows[0];
  const valid = user !== undefined && (await verifyPassword(user.user_password_hash as string, input.password ?? ''));
  if (user === undefined || !valid || user.user_is_active !== true) {
    return { status: 401, body: { status: 401, code: 'INVALID_CREDENTIALS' } };
  }
  const userId = user.user_id as string;
  const tenantId = user.user_tenant_id as string;
  await pool.query(LOGIN_MFA_SQL, [userId]);
  const now = new Date();
  const refreshToken = `rt_${randomBytes(32).toString('base64url')}`;
  const userAgent = header(headers['user-agent']) ?? null;
  let sessionId: string | undefined;
  await inTransaction(pool, async (client) => {
    await client.query(LOGIN_CLEAR_LOCKOUT_SQL, [emailHash]);
    const session = await client.query<{ id: string }>(LOGIN_INSERT_SESSION_SQL, [
      tenantId,
      userId,
      now,
      new Date(now.getTime() + SESSION_TTL_MS),
      null,
      null,
      userAgent,
      '127.0.0.1',
    ]);
    sessionId = session.rows[0]?.id;
    await client.query(LOGIN_INSERT_REFRESH_TOKEN_SQL, [
      sessionId,
      createHash('sha256').update(refreshToken).digest('hex'),
    ]);
    const after = { sessionId, mfa: null, ip: '127.0.0.1', userAgent };
    // Audited, not published.
    await client.query(AUDIT_ONLY_SQL, [
      tenantId,
      null,
      'user',
      userId,
      'user.logged_in',
      'user',
      userId,
      after,
      randomUUID(),
    ]);
    return undefined;
  });
  if (sessionId === undefined) throw new Error('no session was created');
  return {
    status: 200,
    headers: { 'set-cookie': `refreshToken=${refreshToken}; Path=/api/auth; HttpOnly; SameSite=Strict` },
    body: {
      accessToken: tokens.sign({ sub: userId, tid: tenantId, sid: sessionId }, ACCESS_TOKEN_TTL_SECONDS),
      refreshToken,
      expiresIn: ACCESS_TOKEN_TTL_SECONDS,
      tokenType: 'Bearer',
    },
  };
}

/** TypeORM's transaction round trips: START TRANSACTION, the work, COMMIT (ROLLBACK on error or early answer). */
async function inTransaction(
  pool: Pool,
  work: (client: PoolClient) => Promise<FloorReply | undefined>,
): Promise<FloorReply | undefined> {
  const client = await pool.connect();
  try {
    await client.query(START_TRANSACTION);
    const early = await work(client);
    await client.query(early === undefined ? COMMIT : 'ROLLBACK');
    return early;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** The organizations of the token's session where the CRM is on, read once per session and kept briefly. */
class ActorCache {
  private readonly cache = new Map<string, { organizations: string[]; at: number }>();

  constructor(private readonly pool: Pool) {}

  async organizations(claims: TokenClaims): Promise<string[]> {
    const hit = this.cache.get(claims.sid);
    if (hit !== undefined && Date.now() - hit.at < ACTOR_CACHE_MS) return hit.organizations;
    const rows = await this.pool.query<{ organization_id: string | null; crm_enabled: boolean | null }>(ACTOR_SQL, [
      claims.sid,
      claims.sub,
      claims.tid,
    ]);
    const organizations = rows.rows.flatMap((row) =>
      row.organization_id !== null && row.crm_enabled === true ? [row.organization_id] : [],
    );
    this.cache.set(claims.sid, { organizations, at: Date.now() });
    return organizations;
  }
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The board's page size (`LIMIT 21` in the captured SQL: 20 and one to know there is more). */
const BOARD_PAGE_SIZE = 20;
/** The timeline's page size (each source reads 21). */
const TIMELINE_PAGE_SIZE = 20;
/** `STAGE_ACTIONS` of the deals' `stage_change` timeline source. */
const STAGE_ACTIONS = ['deal.stage_changed', 'deal.won', 'deal.lost', 'deal.reopened'];
/** The bookkeeping fields the `field_change` source ignores (`ORGANIZATION_RECORD_FIELDS`). */
const BOOKKEEPING = [
  'id',
  'tenantId',
  'createdAt',
  'updatedAt',
  'deletedAt',
  'createdBy',
  'updatedBy',
  'version',
  'organizationId',
];

/** The board as the API reads it: the pipeline, its stages, the sums, then each stage's page in turn. */
async function dealBoard({ url, db }: FloorRequest, claims: TokenClaims, visible: string[]): Promise<FloorReply> {
  const pipelineId = url.searchParams.get('pipelineId');
  const found = await db.query<Row>(BOARD_PIPELINE_SQL, [claims.tid, visible, pipelineId]);
  const pipeline = found.rows[0];
  if (pipeline === undefined) return { status: 404, body: { status: 404, code: 'PIPELINE_NOT_FOUND' } };
  const organizationId = pipeline.row_organization_id as string;
  const stages = await db.query<Row>(BOARD_STAGES_SQL, [claims.tid, visible, [pipelineId]]);
  const totals = await db.query<StageTotalRow>(BOARD_TOTALS_SQL, [claims.tid, visible, pipelineId]);
  const now = Date.now();
  const columns: Array<Record<string, unknown>> = [];
  for (const stage of stages.rows) {
    const stageId = stage.stage_id as string;
    const page = await db.query<Row>(BOARD_STAGE_PAGE_SQL, [
      claims.tid,
      [organizationId],
      stageId,
      claims.tid,
      visible,
      organizationId,
      stageId,
    ]);
    const items = page.rows.slice(0, BOARD_PAGE_SIZE);
    const last = items.at(-1);
    columns.push({
      id: stageId,
      name: stage.stage_name,
      kind: stage.stage_kind,
      position: stage.stage_position,
      probability: stage.stage_probability,
      rottenAfterDays: stage.stage_rotten_after_days,
      dealCount: Number(page.rows[0]?.page_total ?? 0),
      totals: totals.rows.filter((total) => total.stageId === stageId).map(stageTotalJson),
      deals: items.map((row) => dealJson(row, 'deal_', now)),
      nextCursor:
        page.rows.length > BOARD_PAGE_SIZE && last !== undefined
          ? encodeCursor('-createdAt', (last.deal_created_at as Date).toISOString(), last.deal_id as string)
          : null,
    });
  }
  return { status: 200, body: { pipelineId, stages: columns } };
}

/** Deals narrowed by one organization's stage and owner: one statement, the total from the counters. */
async function listDeals({ url, db }: FloorRequest, claims: TokenClaims): Promise<FloorReply> {
  const query = url.searchParams;
  const organizationId = query.get('organizationId');
  if (organizationId === null) return { status: 501, body: { status: 501, code: 'FLOOR_NEEDS_ORGANIZATION' } };
  const facets = [query.get('stageId'), query.get('ownerId')];
  const { rows } = await db.query<Row>(DEAL_LIST_SQL, [
    claims.tid,
    [organizationId],
    ...facets,
    claims.tid,
    organizationId,
    ...facets,
  ]);
  const hasMore = rows.length > PAGE_SIZE;
  const items = rows.slice(0, PAGE_SIZE);
  const last = items.at(-1);
  const now = Date.now();
  return {
    status: 200,
    body: {
      items: items.map((row) => dealJson(row, 'deal_', now)),
      total: Number(rows[0]?.page_total ?? 0),
      nextCursor:
        hasMore && last !== undefined
          ? encodeCursor('-createdAt', (last.deal_created_at as Date).toISOString(), last.deal_id as string)
          : null,
    },
  };
}

/** A contact's timeline as the API reads it: the contact, then each source's 21 in turn, merged. */
async function contactTimeline(
  { params, db }: FloorRequest,
  claims: TokenClaims,
  visible: string[],
): Promise<FloorReply> {
  const contactId = params[0];
  const found = await db.query<Row>(TIMELINE_CONTACT_SQL, [claims.tid, visible, contactId]);
  const contact = found.rows[0];
  if (contact === undefined) return { status: 404, body: { status: 404, code: 'CONTACT_NOT_FOUND' } };
  const subject = [claims.tid, visible, contact.row_organization_id];
  const now = Date.now();
  const entries: TimelineEntry[] = [];
  const activities = await db.query<Row>(TIMELINE_ACTIVITIES_SQL, [...subject, contactId]);
  entries.push(...activities.rows.map((row) => activityEntry(row, now)));
  const notes = await db.query<Row>(TIMELINE_NOTES_SQL, [...subject, contactId]);
  entries.push(...notes.rows.map(noteEntry));
  const moves = await db.query<Row>(TIMELINE_STAGE_CHANGES_SQL, [...subject, contactId, STAGE_ACTIONS]);
  const changes = await db.query<Row>(TIMELINE_FIELD_CHANGES_SQL, [
    ...subject,
    'contact',
    contactId,
    'contact.updated',
    BOOKKEEPING,
  ]);
  // The bench's data has no audit entries; were there any, they would show as their action.
  for (const [kind, rows] of [
    ['stage_change', moves.rows],
    ['field_change', changes.rows],
  ] as const) {
    for (const row of rows) {
      entries.push({
        kind,
        id: row.audit_id as string,
        occurredAt: row.audit_created_at as Date,
        title: row.audit_action as string,
        data: { after: row.audit_after },
      });
    }
  }
  return { status: 200, body: timelinePage(entries, TIMELINE_PAGE_SIZE) };
}

/**
 * The entities whose events a reader with their view grants sees (`EventVisibilities`, in the
 * order the app registers them); the bench's reader is an ADMIN, who holds every grant.
 */
const FEED_ENTITIES = [
  'organization',
  'membership',
  'tag',
  'contact',
  'customer',
  'pipeline',
  'pipeline_stage',
  'deal',
  'activity',
  'note',
  'invoice',
  'invoice_payment',
  'credit_note',
  'billing_settings',
  'billing',
  'ticket',
  'ticket_comment',
];

/** The change feed as the API reads it: how far retention went, then the page of visible pairs. */
async function changeFeed({ url, db }: FloorRequest, claims: TokenClaims, visible: string[]): Promise<FloorReply> {
  const purged = await db.query<{ purged_through: string }>(FEED_PURGED_SQL);
  const purgedThrough = purged.rows[0]?.purged_through ?? '0';
  const after = url.searchParams.get('after') ?? purgedThrough;
  const limit = Number(url.searchParams.get('limit') ?? 100);
  const entities = FEED_ENTITIES.flatMap((entity) => visible.map(() => entity));
  const organizations = FEED_ENTITIES.flatMap(() => visible);
  const page = await db.query<Row>(FEED_PAGE_SQL, [claims.tid, after, limit, null, entities, organizations]);
  return { status: 200, body: feedPage(page.rows, after) };
}

/** The day the API judges overdue against (`due_date < today`). */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A page of `PAGE_SIZE + 1` rows as the API answers it: items, the total it selected, the cursor. */
function listPage(
  rows: readonly Row[],
  prefix: string,
  item: (row: Row) => Record<string, unknown>,
  cursor: (last: Row) => string = (last) =>
    encodeCursor('-createdAt', (last[`${prefix}created_at`] as Date).toISOString(), last[`${prefix}id`] as string),
): Record<string, unknown> {
  const items = rows.slice(0, PAGE_SIZE);
  const last = items.at(-1);
  return {
    items: items.map(item),
    total: Number(rows[0]?.page_total ?? 0),
    nextCursor: rows.length > PAGE_SIZE && last !== undefined ? cursor(last) : null,
  };
}

async function listCustomers({ url, db }: FloorRequest, claims: TokenClaims): Promise<FloorReply> {
  const organizationId = url.searchParams.get('organizationId');
  const page = await db.query<Row>(CUSTOMER_LIST_SQL, [
    claims.tid,
    [organizationId],
    'customer',
    claims.tid,
    organizationId,
  ]);
  const body = listPage(
    page.rows,
    'customer_',
    (row) => customerJson(row, 'customer_'),
    (last) => encodeCursor('name', last.customer_name as string, last.customer_id as string),
  );
  return { status: 200, body };
}

async function listTickets({ url, db }: FloorRequest, claims: TokenClaims): Promise<FloorReply> {
  const organizationId = url.searchParams.get('organizationId');
  const status = url.searchParams.get('status');
  const assigneeId = url.searchParams.get('assigneeId');
  const page = await db.query<Row>(TICKET_LIST_SQL, [
    claims.tid,
    [organizationId],
    status,
    assigneeId,
    claims.tid,
    organizationId,
    status,
    assigneeId,
  ]);
  return { status: 200, body: listPage(page.rows, 'ticket_', (row) => ticketJson(row, 'ticket_')) };
}

async function listInvoices({ url, db }: FloorRequest, claims: TokenClaims): Promise<FloorReply> {
  const organizationId = url.searchParams.get('organizationId');
  const status = url.searchParams.get('status');
  const page = await db.query<Row>(INVOICE_LIST_SQL, [
    claims.tid,
    [organizationId],
    status,
    claims.tid,
    organizationId,
    organizationId,
    status,
  ]);
  return { status: 200, body: listPage(page.rows, 'invoice_', (row) => invoiceJson(row, 'invoice_')) };
}

async function invoiceSummary({ url, db }: FloorRequest, claims: TokenClaims): Promise<FloorReply> {
  const organizationId = url.searchParams.get('organizationId');
  const from = url.searchParams.get('from');
  const to = url.searchParams.get('to');
  const result = await db.query<Row>(INVOICE_SUMMARY_SQL, [
    today(),
    claims.tid,
    organizationId,
    organizationId,
    from,
    to,
  ]);
  return { status: 200, body: { from, to, currencies: result.rows.map(summaryCurrencyJson) } };
}
