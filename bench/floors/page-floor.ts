import { createHash, randomBytes } from 'node:crypto';
import { verify as verifyPassword } from '@node-rs/argon2';
import {
  contactDetailJson,
  contactJson,
  FLOOR_CONTACT_FROM,
  FLOOR_CONTACT_SELECT,
  type FloorContactRow,
} from './contact-json';
import type { FloorReply, FloorRequest, FloorRoute } from './floor-server';
import { Hs256Token } from './hs256-token';
import { decodeCursor, encodeCursor } from './keyset-cursor-codec';
import { FEED_EVENT_COLUMNS, feedPage } from './event-json';
import { customerJson, invoiceJson, summaryCurrencyJson, ticketJson } from './service-json';
import { containsPattern } from './like-pattern';
import { activityEntry, dealJson, noteEntry, stageTotalJson, type StageTotalRow, timelinePage } from './sales-json';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ACCESS_TOKEN_TTL_SECONDS = 900;
const SESSION_TTL = `interval '30 days'`;

/**
 * The page floor: for each scenario only the SQL that serves the answer — one statement where
 * one suffices — with no authentication beyond reading the tenant out of the token. `total`
 * comes back `null` unless the load asks for it with `x-bench-total: exact`, so the cost of an
 * exact count is measured on its own.
 */
export function pageFloorRoutes(tokens: Hs256Token): FloorRoute[] {
  return [
    { method: 'GET', path: /^\/api\/crm\/contacts$/, handle: listContacts },
    { method: 'GET', path: /^\/api\/crm\/contacts\/([0-9a-f-]{36})$/, handle: contactDetail },
    { method: 'POST', path: /^\/api\/crm\/contacts$/, handle: createContact },
    { method: 'POST', path: /^\/api\/auth\/login$/, handle: (request) => login(request, tokens) },
    { method: 'GET', path: /^\/api\/deals\/board$/, handle: dealBoard },
    { method: 'GET', path: /^\/api\/deals$/, handle: listDeals },
    { method: 'GET', path: /^\/api\/crm\/contacts\/([0-9a-f-]{36})\/timeline$/, handle: contactTimeline },
    { method: 'GET', path: /^\/api\/events$/, handle: changeFeed },
    { method: 'GET', path: /^\/api\/tickets$/, handle: listTickets },
    { method: 'GET', path: /^\/api\/crm\/customers$/, handle: listCustomers },
    { method: 'GET', path: /^\/api\/invoices$/, handle: listInvoices },
    { method: 'GET', path: /^\/api\/invoices\/summary$/, handle: invoiceSummary },
  ];
}

async function listContacts({ url, headers, db }: FloorRequest): Promise<FloorReply> {
  const query = url.searchParams;
  const tenantId = Hs256Token.unverifiedTenant(headers.authorization);
  const organizationId = query.get('organizationId') ?? header(headers['x-organization-id']);
  if (tenantId === null || organizationId === undefined || !UUID.test(organizationId)) {
    return { status: 400, body: { code: 'FLOOR_NEEDS_ORGANIZATION' } };
  }
  const limit = Number(query.get('limit') ?? 20);
  const params: unknown[] = [tenantId, organizationId];
  const where = ['c.tenant_id = $1', 'c.organization_id = $2', 'c.deleted_at IS NULL'];
  const filter = (sql: string, value: string | null): void => {
    if (value === null) return;
    params.push(value);
    where.push(sql.replace(/\?/g, `$${params.length}`));
  };
  filter('c.contact_type = ?', query.get('kind'));
  // Statuses are stored as the organization spells them, so plain equality finds the same rows.
  filter('c.status = ?', query.get('status'));
  filter('c.owner_id = ?', query.get('ownerId'));
  filter('c.customer_id = ?', query.get('customerId'));
  const q = query.get('q');
  // The API's answer to `q`: contains or within a typo (`<%`; this floor's connections hold the
  // 0.4 threshold from their start), exact, prefix and contains matches first.
  let order = 'c.created_at DESC, c.id DESC';
  if (q !== null) {
    const term = q.trim().replace(/\s+/g, ' ').toLowerCase();
    const escaped = term.replace(/[\\%_]/g, (c) => `\\${c}`);
    params.push(containsPattern(q), term, `${escaped}%`, `% ${escaped}%`);
    const [contains, typed, prefix, wordPrefix] = [4, 3, 2, 1].map((back) => `$${params.length - back + 1}`);
    const companyText = `lower(s.name || ' ' || coalesce(s.primary_domain, ''))`;
    where.push(`(c.search_text LIKE ${contains} OR ${typed} <% c.search_text OR c.customer_id = ANY(ARRAY(
       SELECT s.id FROM customer s WHERE s.tenant_id = $1 AND s.deleted_at IS NULL
          AND (${companyText} LIKE ${contains} OR ${typed} <% ${companyText}))))`);
    order = `CASE WHEN lower(c.name) = ${typed} OR lower(c.primary_email) = ${typed} THEN 0
                  WHEN c.search_text LIKE ${prefix} OR lower(c.primary_email) LIKE ${prefix} OR c.search_text LIKE ${wordPrefix} THEN 1
                  WHEN c.search_text LIKE ${contains} THEN 2 ELSE 3 END, ${order}`;
  }
  const filters = [...where];
  const countParams = [...params];
  const cursor = query.get('cursor');
  if (cursor !== null) {
    const position = decodeCursor(cursor);
    if (position === null) return { status: 400, body: { code: 'VALIDATION_FAILED' } };
    params.push(position.value, position.id);
    where.push(`(c.created_at, c.id) < ($${params.length - 1}, $${params.length})`);
  }
  const offset = Number(query.get('offset') ?? 0);
  const rows = db.query<FloorContactRow>(
    `SELECT ${FLOOR_CONTACT_SELECT} FROM ${FLOOR_CONTACT_FROM} WHERE ${where.join(' AND ')}
      ORDER BY ${order} LIMIT ${limit + 1} OFFSET ${offset}`,
    params,
  );
  const total =
    headers['x-bench-total'] === 'exact'
      ? db.query<{ total: string }>(
          `SELECT count(*) AS total FROM contact c WHERE ${filters.join(' AND ')}`,
          countParams,
        )
      : Promise.resolve(null);
  const [page, count] = await Promise.all([rows, total]);
  const hasMore = page.rows.length > limit;
  const items = hasMore ? page.rows.slice(0, limit) : page.rows;
  const last = items.at(-1);
  return {
    status: 200,
    body: {
      items: items.map((row) => contactJson(row, row.customer, row.tags)),
      total: count === null ? null : Number(count.rows[0]?.total),
      nextCursor:
        hasMore && last !== undefined ? encodeCursor('-createdAt', last.createdAt.toISOString(), last.id) : null,
    },
  };
}

async function contactDetail({ params, headers, db }: FloorRequest): Promise<FloorReply> {
  const tenantId = Hs256Token.unverifiedTenant(headers.authorization);
  // The open deals ride in the same statement (`deal_contact_idx`), newest first, as the API lists them.
  const result = await db.query<
    FloorContactRow & { open_deals: unknown[]; recent_activities: Row[]; recent_notes: Row[] }
  >(
    `SELECT ${FLOOR_CONTACT_SELECT},
            (SELECT coalesce(json_agg(x ORDER BY x.occurred_at DESC, x.activity_id DESC), '[]') FROM (
               SELECT coalesce(a.completed_at, a.created_at) AS occurred_at, ${FLOOR_ACTIVITY_COLUMNS}
                 FROM activity_contact l JOIN activity a ON a.id = l.activity_id AND a.deleted_at IS NULL
                WHERE l.tenant_id = c.tenant_id AND l.organization_id = c.organization_id AND l.contact_id = c.id
                ORDER BY coalesce(a.completed_at, a.created_at) DESC, a.id DESC LIMIT 10) x) AS recent_activities,
            (SELECT coalesce(json_agg(x ORDER BY x.note_created_at DESC, x.note_id DESC), '[]') FROM (
               SELECT ${FLOOR_NOTE_COLUMNS} FROM note n
                WHERE n.tenant_id = c.tenant_id AND n.organization_id = c.organization_id AND n.contact_id = c.id
                  AND n.deleted_at IS NULL
                ORDER BY n.created_at DESC, n.id DESC LIMIT 10) x) AS recent_notes,
            (SELECT coalesce(json_agg(json_build_object('id', d.id, 'title', d.title, 'value', d.value,
                                                        'currency', d.currency, 'status', d.status)
                                      ORDER BY d.created_at DESC, d.id DESC), '[]'::json)
               FROM (SELECT * FROM deal d WHERE d.tenant_id = c.tenant_id AND d.organization_id = c.organization_id
                        AND d.contact_id = c.id AND d.status = 'OPEN' AND d.deleted_at IS NULL
                      ORDER BY d.created_at DESC, d.id DESC LIMIT 20) d) AS open_deals
       FROM ${FLOOR_CONTACT_FROM} WHERE c.id = $1 AND c.tenant_id = $2 AND c.deleted_at IS NULL`,
    [params[0], tenantId],
  );
  const row = result.rows[0];
  if (row === undefined) return { status: 404, body: { status: 404, code: 'CONTACT_NOT_FOUND' } };
  const now = Date.now();
  return {
    status: 200,
    body: {
      ...contactDetailJson(row, row.customer, row.tags),
      openDeals: row.open_deals,
      recentActivities: row.recent_activities.map((activity) => activityEntry(withDates(activity), now).data),
      notes: row.recent_notes.map((note) => noteEntry(withDates(note)).data),
    },
  };
}

interface CreateContactBody {
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  jobTitle?: string;
  kind?: string;
  status?: string;
  customerId?: string;
  ownerId?: string;
  marketingOptOut?: boolean;
  organizationId?: string;
}

/** One round trip: the insert, its audit entry and its outbox event in one statement (one transaction). */
async function createContact({ body, headers, db }: FloorRequest): Promise<FloorReply> {
  const input = (body ?? {}) as CreateContactBody;
  const tenantId = Hs256Token.unverifiedTenant(headers.authorization);
  const actorId = unverifiedSubject(headers.authorization);
  const organizationId = input.organizationId ?? header(headers['x-organization-id']);
  const name = [input.firstName, input.lastName].filter((part) => part !== undefined && part !== '').join(' ');
  try {
    const result = await db.query<FloorContactRow>(
      `WITH org AS (
         SELECT id, tenant_id FROM organization
          WHERE id = $2 AND tenant_id = $1 AND deleted_at IS NULL
            AND ($10::text IS NULL OR $10 = ANY(contact_statuses))
       ), c AS (
         INSERT INTO contact (tenant_id, organization_id, name, first_name, last_name, primary_email, primary_phone,
                              job_title, contact_type, status, customer_id, owner_id, marketing_opt_out, created_by, updated_by)
         SELECT org.tenant_id, org.id, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14 FROM org
         RETURNING *
       ), audit AS (
         INSERT INTO audit_entry (tenant_id, organization_id, actor_type, actor_id, action, entity, entity_id, after)
         SELECT c.tenant_id, c.organization_id, 'user', $14, 'contact.created', 'contact', c.id, to_jsonb(c) FROM c
       ), outbox AS (
         INSERT INTO outbox_event (id, tenant_id, organization_id, type, version, entity, entity_id, data, actor_type, actor_id)
         SELECT gen_random_uuid(), c.tenant_id, c.organization_id, 'contact.created', 1, 'contact', c.id,
                to_jsonb(c), 'user', $14 FROM c
       )
       SELECT ${FLOOR_CONTACT_SELECT} FROM c LEFT JOIN customer cu ON cu.id = c.customer_id`,
      [
        tenantId,
        organizationId,
        name,
        input.firstName ?? null,
        input.lastName ?? null,
        input.email ?? null,
        input.phone ?? null,
        input.jobTitle ?? null,
        input.kind ?? 'CUSTOMER',
        input.status ?? null,
        input.customerId ?? null,
        input.ownerId ?? null,
        input.marketingOptOut ?? false,
        actorId,
      ],
    );
    const row = result.rows[0];
    if (row === undefined) return { status: 400, body: { status: 400, code: 'VALIDATION_FAILED' } };
    return { status: 201, body: contactJson(row, row.customer, row.tags) };
  } catch (error) {
    if ((error as { code?: string }).code === '23505') {
      return { status: 409, body: { status: 409, code: 'CONTACT_EMAIL_TAKEN' } };
    }
    throw error;
  }
}

interface LoginBody {
  email?: string;
  password?: string;
}

async function login({ body, headers, db }: FloorRequest, tokens: Hs256Token): Promise<FloorReply> {
  const input = (body ?? {}) as LoginBody;
  const found = await db.query<{ id: string; tenant_id: string; password_hash: string; is_active: boolean }>(
    `SELECT id, tenant_id, password_hash, is_active FROM app_user WHERE lower(email) = lower($1) AND deleted_at IS NULL`,
    [input.email ?? ''],
  );
  const user = found.rows[0];
  const valid = user !== undefined && (await verifyPassword(user.password_hash, input.password ?? ''));
  if (user === undefined || !valid || !user.is_active) {
    return { status: 401, body: { status: 401, code: 'INVALID_CREDENTIALS' } };
  }
  const refreshToken = `rt_${randomBytes(32).toString('base64url')}`;
  const session = await db.query<{ session_id: string }>(
    `WITH s AS (
       INSERT INTO auth_session (tenant_id, user_id, expires_at, user_agent, ip)
       VALUES ($1, $2, now() + ${SESSION_TTL}, $3, $4) RETURNING id
     )
     INSERT INTO refresh_token (session_id, token_hash) SELECT id, $5 FROM s RETURNING session_id`,
    [
      user.tenant_id,
      user.id,
      header(headers['user-agent']) ?? null,
      '127.0.0.1',
      createHash('sha256').update(refreshToken).digest('hex'),
    ],
  );
  const sessionId = session.rows[0]?.session_id;
  if (sessionId === undefined) throw new Error('no session was created');
  return {
    status: 200,
    headers: { 'set-cookie': `refreshToken=${refreshToken}; Path=/api/auth; HttpOnly; SameSite=Strict` },
    body: {
      accessToken: tokens.sign({ sub: user.id, tid: user.tenant_id, sid: sessionId }, ACCESS_TOKEN_TTL_SECONDS),
      refreshToken,
      expiresIn: ACCESS_TOKEN_TTL_SECONDS,
      tokenType: 'Bearer',
    },
  };
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function unverifiedSubject(authorization: string | undefined): string | null {
  const payload = authorization?.split('.')[1];
  if (payload === undefined) return null;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: unknown };
  return typeof claims.sub === 'string' ? claims.sub : null;
}

/** What the deal JSON needs of a deal `d`, its stage and its tags: `dealJson`'s columns. */
const FLOOR_DEAL_SELECT = `d.id, d.organization_id, d.title, d.value::text AS value, d.currency,
       d.expected_close_date::text AS expected_close_date, d.pipeline_id, d.stage_id, d.contact_id, d.customer_id,
       d.owner_id, d.probability, d.status, d.closed_at, d.lost_reason, d.stage_changed_at, d.created_at,
       d.updated_at, d.version,
       (SELECT json_build_object('id', st.id, 'name', st.name, 'kind', st.kind, 'position', st.position,
                                 'probability', st.probability, 'rottenAfterDays', st.rotten_after_days)
          FROM pipeline_stage st WHERE st.id = d.stage_id) AS view_stage,
       (SELECT coalesce(json_agg(json_build_object('id', t.id, 'name', t.name, 'color', t.color) ORDER BY t.name, t.id), '[]')
          FROM deal_tag dt JOIN tag t ON t.id = dt.tag_id AND t.deleted_at IS NULL
         WHERE dt.tenant_id = d.tenant_id AND dt.organization_id = d.organization_id AND dt.deal_id = d.id) AS view_tags`;
const BOARD_PAGE_SIZE = 20;

type Row = Record<string, unknown>;

/** An activity `a`'s columns as `activityEntry` reads them. */
const FLOOR_ACTIVITY_COLUMNS = `a.id AS activity_id, a.organization_id AS activity_organization_id, a.type AS activity_type,
       a.subject AS activity_subject, a.body AS activity_body, a.due_at AS activity_due_at,
       a.completed_at AS activity_completed_at, a.owner_id AS activity_owner_id, a.deal_id AS activity_deal_id,
       a.customer_id AS activity_customer_id, a.created_by AS activity_created_by, a.created_at AS activity_created_at,
       a.updated_at AS activity_updated_at, a.version AS activity_version,
       (SELECT json_agg(l2.contact_id ORDER BY l2.contact_id) FROM activity_contact l2
          JOIN contact c2 ON c2.id = l2.contact_id AND c2.deleted_at IS NULL
         WHERE l2.tenant_id = a.tenant_id AND l2.organization_id = a.organization_id AND l2.activity_id = a.id) AS view_contact_ids`;

/** A note `n`'s columns as `noteEntry` reads them. */
const FLOOR_NOTE_COLUMNS = `n.id AS note_id, n.organization_id AS note_organization_id, n.body AS note_body,
       n.author_id AS note_author_id, n.contact_id AS note_contact_id, n.customer_id AS note_customer_id,
       n.deal_id AS note_deal_id, n.created_at AS note_created_at, n.updated_at AS note_updated_at, n.version AS note_version`;

/** A JSON row's timestamps (`…_at` text) as dates again. */
function withDates(json: Row): Row {
  const fields = { ...json };
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    if (key.endsWith('_at') && typeof value === 'string') fields[key] = new Date(value);
  }
  return fields;
}

/**
 * The board in one statement: the pipeline's stages, each with its first page of deals (an
 * ordered `deal_stage_idx` scan in the pipeline's organization) and its sums per currency
 * (the `deal_stage_total` counters the deals' triggers keep; the stage's count is the sum of
 * its currencies').
 */
async function dealBoard({ url, headers, db }: FloorRequest): Promise<FloorReply> {
  const tenantId = Hs256Token.unverifiedTenant(headers.authorization);
  const pipelineId = url.searchParams.get('pipelineId');
  if (tenantId === null || pipelineId === null || !UUID.test(pipelineId)) {
    return { status: 400, body: { status: 400, code: 'VALIDATION_FAILED' } };
  }
  const result = await db.query<{
    id: string;
    name: string;
    kind: string;
    position: number;
    probability: number;
    rotten_after_days: number | null;
    totals: StageTotalRow[];
    deals: Array<Record<string, unknown>>;
  }>(
    `WITH p AS (
       SELECT id, organization_id FROM pipeline WHERE id = $2 AND tenant_id = $1 AND deleted_at IS NULL
     ), s AS (
       SELECT st.* FROM pipeline_stage st JOIN p ON st.pipeline_id = p.id
        WHERE st.tenant_id = $1 AND st.organization_id = p.organization_id AND st.deleted_at IS NULL
     ), totals AS (
       SELECT t.stage_id, t.currency, t.deal_count::int AS n, t.value::text AS v,
              ((t.own_weighted_value + t.stage_probability_value * s.probability) * 0.01)::text AS w
         FROM deal_stage_total t JOIN s ON t.organization_id = s.organization_id AND t.stage_id = s.id
        WHERE t.tenant_id = $1 AND t.deal_count > 0
     )
     SELECT s.id, s.name, s.kind, s.position, s.probability, s.rotten_after_days,
            (SELECT coalesce(json_agg(json_build_object('stageId', t.stage_id, 'currency', t.currency, 'dealCount', t.n,
                                                        'value', t.v, 'weightedValue', t.w) ORDER BY t.currency), '[]')
               FROM totals t WHERE t.stage_id = s.id) AS totals,
            (SELECT coalesce(json_agg(page), '[]') FROM (
               SELECT ${FLOOR_DEAL_SELECT} FROM deal d
                WHERE d.tenant_id = $1 AND d.organization_id = s.organization_id AND d.stage_id = s.id
                  AND d.deleted_at IS NULL
                ORDER BY d.created_at DESC, d.id DESC LIMIT ${BOARD_PAGE_SIZE + 1}) page) AS deals
       FROM s ORDER BY s.position, s.id`,
    [tenantId, pipelineId],
  );
  if (result.rows.length === 0) return { status: 404, body: { status: 404, code: 'PIPELINE_NOT_FOUND' } };
  const now = Date.now();
  return {
    status: 200,
    body: {
      pipelineId,
      stages: result.rows.map((stage) => {
        const items = stage.deals.slice(0, BOARD_PAGE_SIZE);
        const last = items.at(-1);
        return {
          id: stage.id,
          name: stage.name,
          kind: stage.kind,
          position: stage.position,
          probability: stage.probability,
          rottenAfterDays: stage.rotten_after_days,
          dealCount: stage.totals.reduce((sum, total) => sum + total.dealCount, 0),
          totals: stage.totals.map(stageTotalJson),
          deals: items.map((deal) => dealJson(deal, '', now)),
          nextCursor:
            stage.deals.length > BOARD_PAGE_SIZE && last !== undefined
              ? encodeCursor('-createdAt', new Date(String(last.created_at)).toISOString(), String(last.id))
              : null,
        };
      }),
    },
  };
}

/** Deals narrowed by stage and owner: the page (`deal_stage_idx` or `deal_owner_idx`), and with `x-bench-total: exact` a count. */
async function listDeals({ url, headers, db }: FloorRequest): Promise<FloorReply> {
  const query = url.searchParams;
  const tenantId = Hs256Token.unverifiedTenant(headers.authorization);
  const organizationId = query.get('organizationId');
  const stageId = query.get('stageId');
  const ownerId = query.get('ownerId');
  if (tenantId === null || organizationId === null || stageId === null || ownerId === null) {
    return { status: 400, body: { status: 400, code: 'FLOOR_NEEDS_ORGANIZATION_STAGE_OWNER' } };
  }
  const limit = Number(query.get('limit') ?? 20);
  const where = `d.tenant_id = $1 AND d.organization_id = $2 AND d.stage_id = $3 AND d.owner_id = $4 AND d.deleted_at IS NULL`;
  const params = [tenantId, organizationId, stageId, ownerId];
  const rows = db.query<Record<string, unknown>>(
    `SELECT ${FLOOR_DEAL_SELECT} FROM deal d WHERE ${where} ORDER BY d.created_at DESC, d.id DESC LIMIT ${limit + 1}`,
    params,
  );
  const total =
    headers['x-bench-total'] === 'exact'
      ? db.query<{ total: string }>(`SELECT count(*) AS total FROM deal d WHERE ${where}`, params)
      : Promise.resolve(null);
  const [page, count] = await Promise.all([rows, total]);
  const hasMore = page.rows.length > limit;
  const items = hasMore ? page.rows.slice(0, limit) : page.rows;
  const last = items.at(-1);
  const now = Date.now();
  return {
    status: 200,
    body: {
      items: items.map((row) => dealJson(row, '', now)),
      total: count === null ? null : Number(count.rows[0]?.total),
      nextCursor:
        hasMore && last !== undefined
          ? encodeCursor('-createdAt', (last.created_at as Date).toISOString(), String(last.id))
          : null,
    },
  };
}

const TIMELINE_PAGE_SIZE = 20;

/**
 * A contact's timeline page in one statement: its activities (through `activity_contact`), its
 * notes, and the audit trail's stage moves of its deals and updates of itself, each source's
 * newest 21, merged. The bench's data has no audit entries: those branches read nothing.
 */
async function contactTimeline({ params, headers, db }: FloorRequest): Promise<FloorReply> {
  const tenantId = Hs256Token.unverifiedTenant(headers.authorization);
  const n = TIMELINE_PAGE_SIZE + 1;
  const result = await db.query<Record<string, unknown> & { source: string }>(
    `WITH c AS (SELECT id, organization_id FROM contact WHERE id = $2 AND tenant_id = $1 AND deleted_at IS NULL)
     SELECT 'contact' AS source, NULL::uuid AS id, NULL::timestamptz AS at, NULL::json AS payload FROM c
     UNION ALL (
       SELECT 'activities', a.id, coalesce(a.completed_at, a.created_at),
              json_build_object('activity_id', a.id, 'activity_organization_id', a.organization_id, 'activity_type', a.type,
                'activity_subject', a.subject, 'activity_body', a.body, 'activity_due_at', a.due_at,
                'activity_completed_at', a.completed_at, 'activity_owner_id', a.owner_id, 'activity_deal_id', a.deal_id,
                'activity_customer_id', a.customer_id, 'activity_created_by', a.created_by, 'activity_created_at', a.created_at,
                'activity_updated_at', a.updated_at, 'activity_version', a.version,
                'view_contact_ids', (SELECT json_agg(l2.contact_id ORDER BY l2.contact_id) FROM activity_contact l2
                                      JOIN contact c2 ON c2.id = l2.contact_id AND c2.deleted_at IS NULL
                                     WHERE l2.tenant_id = a.tenant_id AND l2.organization_id = a.organization_id
                                       AND l2.activity_id = a.id))
         FROM c JOIN activity_contact l ON l.tenant_id = $1 AND l.organization_id = c.organization_id AND l.contact_id = c.id
         JOIN activity a ON a.id = l.activity_id AND a.deleted_at IS NULL
        ORDER BY coalesce(a.completed_at, a.created_at) DESC, a.id DESC LIMIT ${n})
     UNION ALL (
       SELECT 'notes', nt.id, nt.created_at,
              json_build_object('note_id', nt.id, 'note_organization_id', nt.organization_id, 'note_body', nt.body,
                'note_author_id', nt.author_id, 'note_contact_id', nt.contact_id, 'note_customer_id', nt.customer_id,
                'note_deal_id', nt.deal_id, 'note_created_at', nt.created_at, 'note_updated_at', nt.updated_at,
                'note_version', nt.version)
         FROM c JOIN note nt ON nt.tenant_id = $1 AND nt.organization_id = c.organization_id AND nt.contact_id = c.id
        WHERE nt.deleted_at IS NULL
        ORDER BY nt.created_at DESC, nt.id DESC LIMIT ${n})
     UNION ALL (
       SELECT 'stage_change', au.id, au.created_at, json_build_object('action', au.action, 'after', au.after)
         FROM c JOIN audit_entry au ON au.tenant_id = $1 AND au.organization_id = c.organization_id AND au.entity = 'deal'
        WHERE au.entity_id IN (SELECT d.id FROM deal d WHERE d.tenant_id = $1 AND d.organization_id = c.organization_id
                                  AND d.contact_id = c.id AND d.deleted_at IS NULL)
          AND au.action IN ('deal.stage_changed', 'deal.won', 'deal.lost', 'deal.reopened')
        ORDER BY au.created_at DESC, au.id DESC LIMIT ${n})
     UNION ALL (
       SELECT 'field_change', au.id, au.created_at, json_build_object('action', au.action, 'after', au.after)
         FROM c JOIN audit_entry au ON au.tenant_id = $1 AND au.organization_id = c.organization_id
          AND au.entity = 'contact' AND au.entity_id = c.id AND au.action = 'contact.updated'
        ORDER BY au.created_at DESC, au.id DESC LIMIT ${n})`,
    [tenantId, params[0]],
  );
  if (!result.rows.some((row) => row.source === 'contact')) {
    return { status: 404, body: { status: 404, code: 'CONTACT_NOT_FOUND' } };
  }
  const now = Date.now();
  const entries = result.rows.flatMap((row) => {
    const fields = withDates(row.payload as Row);
    if (row.source === 'activities') return [activityEntry(fields, now)];
    if (row.source === 'notes') return [noteEntry(fields)];
    if (row.source === 'contact') return [];
    return [
      { kind: row.source, id: String(row.id), occurredAt: row.at as Date, title: String(fields.action), data: fields },
    ];
  });
  return { status: 200, body: timelinePage(entries, TIMELINE_PAGE_SIZE) };
}

/**
 * The change feed's page in one statement: the tenant's events after a sequence, in order
 * (`outbox_event_feed_uq`; ordered by the column, not the select list's text alias of the same name). The reader is the tenant's ADMIN, who sees every event of it, so no
 * (entity, organization) filter applies.
 */
async function changeFeed({ url, headers, db }: FloorRequest): Promise<FloorReply> {
  const tenantId = Hs256Token.unverifiedTenant(headers.authorization);
  const after = url.searchParams.get('after') ?? '0';
  const limit = Number(url.searchParams.get('limit') ?? 100);
  if (tenantId === null || !/^[0-9]+$/.test(after)) return { status: 400, body: { code: 'VALIDATION_FAILED' } };
  const result = await db.query<Record<string, unknown>>(
    `SELECT ${FEED_EVENT_COLUMNS} FROM outbox_event
      WHERE tenant_id = $1 AND outbox_event.sequence > $2 ORDER BY outbox_event.sequence LIMIT $3`,
    [tenantId, after, limit],
  );
  return { status: 200, body: feedPage(result.rows, after) };
}

/** `organizationId` and the tenant of a list request, or the 400 the floor answers without them. */
function listScope(url: URL, headers: FloorRequest['headers']): { tenantId: string; organizationId: string } | null {
  const tenantId = Hs256Token.unverifiedTenant(headers.authorization);
  const organizationId = url.searchParams.get('organizationId');
  if (tenantId === null || organizationId === null || !UUID.test(organizationId)) return null;
  return { tenantId, organizationId };
}

const NEEDS_ORGANIZATION: FloorReply = { status: 400, body: { code: 'FLOOR_NEEDS_ORGANIZATION' } };

/** A ticket list narrowed by status and assignee: the page with its tags and contacts, in one statement. */
async function listTickets({ url, headers, db }: FloorRequest): Promise<FloorReply> {
  const scope = listScope(url, headers);
  if (scope === null) return NEEDS_ORGANIZATION;
  const limit = Number(url.searchParams.get('limit') ?? 20);
  const params = [
    scope.tenantId,
    scope.organizationId,
    url.searchParams.get('status'),
    url.searchParams.get('assigneeId'),
  ];
  const where = `t.tenant_id = $1 AND t.organization_id = $2 AND t.status = $3 AND t.assignee_id = $4 AND t.deleted_at IS NULL`;
  const rows = db.query<Row>(
    `SELECT t.*,
            (SELECT coalesce(json_agg(json_build_object('id', g.id, 'name', g.name, 'color', g.color) ORDER BY g.name, g.id), '[]')
               FROM ticket_tag l JOIN tag g ON g.id = l.tag_id AND g.deleted_at IS NULL
              WHERE l.tenant_id = t.tenant_id AND l.organization_id = t.organization_id AND l.ticket_id = t.id) AS view_tags,
            (SELECT coalesce(json_agg(json_build_object('id', c.id, 'name', c.name, 'email', c.primary_email) ORDER BY c.name, c.id), '[]')
               FROM ticket_contact l JOIN contact c ON c.id = l.contact_id AND c.deleted_at IS NULL
              WHERE l.tenant_id = t.tenant_id AND l.organization_id = t.organization_id AND l.ticket_id = t.id) AS view_contacts,
            (SELECT min(r.created_at) FROM ticket_comment r
              WHERE r.tenant_id = t.tenant_id AND r.organization_id = t.organization_id AND r.ticket_id = t.id
                AND r.author_id IS NOT NULL AND r.deleted_at IS NULL) AS view_first_response
       FROM ticket t WHERE ${where} ORDER BY t.created_at DESC, t.id DESC LIMIT ${limit + 1}`,
    params,
  );
  const total = exactTotal(headers, db, `SELECT count(*) AS total FROM ticket t WHERE ${where}`, params);
  const [page, count] = await Promise.all([rows, total]);
  return { status: 200, body: pageBody(page.rows, limit, count, (row) => ticketJson(row, '')) };
}

/** An invoice list narrowed by a status that does not depend on the date (`PAID`): the page in one statement. */
async function listInvoices({ url, headers, db }: FloorRequest): Promise<FloorReply> {
  const scope = listScope(url, headers);
  if (scope === null) return NEEDS_ORGANIZATION;
  const limit = Number(url.searchParams.get('limit') ?? 20);
  const params = [scope.tenantId, scope.organizationId, url.searchParams.get('status')];
  const where = `i.tenant_id = $1 AND i.organization_id = $2 AND i.status = $3 AND i.deleted_at IS NULL`;
  const rows = db.query<Row>(
    `SELECT i.* FROM invoice i WHERE ${where} ORDER BY i.created_at DESC, i.id DESC LIMIT ${limit + 1}`,
    params,
  );
  const total = exactTotal(headers, db, `SELECT count(*) AS total FROM invoice i WHERE ${where}`, params);
  const [page, count] = await Promise.all([rows, total]);
  return { status: 200, body: pageBody(page.rows, limit, count, (row) => invoiceJson(row, '')) };
}

/** The summary report: invoiced, paid, credited, outstanding and overdue per currency, in one aggregate. */
async function invoiceSummary({ url, headers, db }: FloorRequest): Promise<FloorReply> {
  const scope = listScope(url, headers);
  if (scope === null) return NEEDS_ORGANIZATION;
  const from = url.searchParams.get('from');
  const to = url.searchParams.get('to');
  const today = new Date().toISOString().slice(0, 10);
  const result = await db.query<Row>(
    `SELECT currency, count(*)::text AS "invoiceCount", sum(total)::text AS invoiced, sum(amount_paid)::text AS paid,
            sum(amount_credited)::text AS credited, sum(balance)::text AS outstanding,
            coalesce(sum(balance) FILTER (WHERE status IN ('SENT', 'PARTIALLY_PAID') AND balance > 0
                                            AND due_date IS NOT NULL AND due_date < $5), 0)::text AS overdue
       FROM invoice
      WHERE tenant_id = $1 AND organization_id = $2 AND kind = 'INVOICE' AND status IN ('SENT', 'PARTIALLY_PAID', 'PAID')
        AND issue_date >= $3 AND issue_date <= $4 AND deleted_at IS NULL
      GROUP BY currency ORDER BY currency`,
    [scope.tenantId, scope.organizationId, from, to, today],
  );
  return { status: 200, body: { from, to, currencies: result.rows.map(summaryCurrencyJson) } };
}

/** `count(*)` when the load asks for an exact total (`x-bench-total: exact`), else null. */
function exactTotal(
  headers: FloorRequest['headers'],
  db: FloorRequest['db'],
  sql: string,
  params: unknown[],
): Promise<{ rows: Array<{ total: string }> } | null> {
  return headers['x-bench-total'] === 'exact' ? db.query<{ total: string }>(sql, params) : Promise.resolve(null);
}

/** The keyset cursor after `last` in the default order, newest first. */
const newestFirst = (last: Row): string =>
  encodeCursor('-createdAt', (last.created_at as Date).toISOString(), last.id as string);

/** A keyset page of `limit` items out of `limit + 1` rows, with its total and the cursor after it. */
function pageBody(
  rows: readonly Row[],
  limit: number,
  count: { rows: Array<{ total: string }> } | null,
  item: (row: Row) => Record<string, unknown>,
  cursor: (last: Row) => string = newestFirst,
): Record<string, unknown> {
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  const last = items.at(-1);
  return {
    items: items.map(item),
    total: count === null ? null : Number(count.rows[0]?.total),
    nextCursor: hasMore && last !== undefined ? cursor(last) : null,
  };
}

/**
 * The customer list, by name, page 1: each row with its tags, contact count, open tickets, best
 * contract today and billing settings, in one statement. (The bench data has no billing
 * settings, so that column is null in every row, as the API answers.)
 */
async function listCustomers({ url, headers, db }: FloorRequest): Promise<FloorReply> {
  const scope = listScope(url, headers);
  if (scope === null) return NEEDS_ORGANIZATION;
  const limit = Number(url.searchParams.get('limit') ?? 20);
  const params = [scope.tenantId, scope.organizationId];
  const where = `c.tenant_id = $1 AND c.organization_id = $2 AND c.deleted_at IS NULL`;
  const rows = db.query<Row>(
    `SELECT c.*,
            (SELECT coalesce(json_agg(json_build_object('id', g.id, 'name', g.name, 'color', g.color) ORDER BY g.name, g.id), '[]')
               FROM customer_tag l JOIN tag g ON g.id = l.tag_id AND g.deleted_at IS NULL
              WHERE l.tenant_id = c.tenant_id AND l.organization_id = c.organization_id AND l.customer_id = c.id) AS view_tags,
            (SELECT count(*)::int FROM contact p
              WHERE p.tenant_id = c.tenant_id AND p.customer_id = c.id AND p.deleted_at IS NULL) AS view_contact_count,
            (SELECT count(*)::int FROM ticket k
              WHERE k.tenant_id = c.tenant_id AND k.organization_id = c.organization_id AND k.customer_id = c.id
                AND k.status IN ('OPEN', 'PENDING') AND k.deleted_at IS NULL) AS "column_openTicketCount",
            (SELECT CASE max(CASE WHEN k.start_date > current_date THEN 0 WHEN k.end_date < current_date THEN 1
                                  WHEN k.end_date <= current_date + 30 THEN 2 ELSE 3 END)
                      WHEN 3 THEN 'ACTIVE' WHEN 2 THEN 'EXPIRING' WHEN 1 THEN 'EXPIRED' ELSE 'NONE' END
               FROM contract k
              WHERE k.tenant_id = c.tenant_id AND k.organization_id = c.organization_id AND k.customer_id = c.id
                AND k.deleted_at IS NULL) AS "column_contractStatus",
            (SELECT json_build_object('currency', b.currency, 'monthlyTotal', b.monthly_total::text) FROM billing_settings b
              WHERE b.tenant_id = c.tenant_id AND b.organization_id = c.organization_id AND b.customer_id = c.id
                AND b.active AND b.deleted_at IS NULL) AS "column_billingSummary"
       FROM customer c WHERE ${where} ORDER BY c.name, c.id LIMIT ${limit + 1}`,
    params,
  );
  const total = exactTotal(headers, db, `SELECT count(*) AS total FROM customer c WHERE ${where}`, params);
  const [page, count] = await Promise.all([rows, total]);
  return {
    status: 200,
    body: pageBody(
      page.rows,
      limit,
      count,
      (row) => customerJson(row, ''),
      (last) => encodeCursor('name', last.name as string, last.id as string),
    ),
  };
}
