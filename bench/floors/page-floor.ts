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
import { containsPattern } from './like-pattern';

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
  const result = await db.query<FloorContactRow & { open_deals: unknown[] }>(
    `SELECT ${FLOOR_CONTACT_SELECT},
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
  return { status: 200, body: { ...contactDetailJson(row, row.customer, row.tags), openDeals: row.open_deals } };
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
