import type { Pool } from 'pg';
import type { BuiltCore } from '../built-core';
import type { DatasetManifest } from '../generate/dataset-manifest';
import { ensureFeedEvents } from './feed-events';

export const PAGE_SIZE = 25;
export const CURSOR_PAGE = 2000;
/** The sort the cursor scenario walks: the lists' default. */
export const CURSOR_SORT = '-createdAt';

export interface Fixtures {
  readonly manifest: DatasetManifest;
  readonly tenantId: string;
  readonly organizationId: string;
  /** Live (not deleted) contacts of the biggest organization. */
  readonly organizationContacts: number;
  /** An agent of the biggest organization, for the owner filter. */
  readonly ownerId: string;
  readonly detailIds: readonly string[];
  readonly searchTerms: readonly string[];
  /** The page the cursor scenario fetches (2,000, or the last full page of a smaller data set). */
  readonly cursorPage: number;
  readonly cursor: string;
  /** The id of the first row of that page, to check the API agrees on the cursor. */
  readonly cursorFirstId: string;
  /** The organization's default pipeline (the board) and its most populated stage (the filtered deal list). */
  readonly pipelineId: string;
  readonly stageId: string;
  /** Live deals of that stage owned by `ownerId`: the filtered deal list's total. */
  readonly stageOwnerDeals: number;
  /** Contacts with activities, for the timeline. */
  readonly timelineIds: readonly string[];
  /** Change-feed positions (`after=`) spread over the big tenant's events. */
  readonly feedAfters: readonly string[];
}

/** Reads the ids, terms and keyset position the scenarios need from the loaded data. */
export async function loadFixtures(pool: Pool, core: BuiltCore, manifest: DatasetManifest): Promise<Fixtures> {
  const tenantId = manifest.bigTenant.id;
  const organizationId = manifest.bigOrganization.id;
  const scope = `tenant_id = $1 AND organization_id = $2 AND deleted_at IS NULL`;
  const count = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM contact WHERE ${scope}`, [
    tenantId,
    organizationId,
  ]);
  const organizationContacts = Number(count.rows[0]?.n ?? 0);
  const detail = await pool.query<{ id: string }>(`SELECT id FROM contact WHERE ${scope} ORDER BY id LIMIT 64`, [
    tenantId,
    organizationId,
  ]);
  const cursorPage = Math.max(2, Math.min(CURSOR_PAGE, Math.floor((organizationContacts - 1) / PAGE_SIZE)));
  // The last row of page N-1 (its keyset position is page N's cursor) and the first row of page N.
  const position = await pool.query<{ created_at: Date; id: string }>(
    `SELECT created_at, id
       FROM contact WHERE ${scope} ORDER BY created_at DESC, id DESC OFFSET $3 LIMIT 2`,
    [tenantId, organizationId, (cursorPage - 1) * PAGE_SIZE - 1],
  );
  const last = position.rows[0];
  if (last === undefined) throw new Error('the biggest organization has too few contacts for the cursor scenario');
  const samples = await pool.query<{ first_name: string; last_name: string; primary_email: string | null }>(
    `SELECT first_name, last_name, primary_email FROM contact WHERE ${scope} AND primary_email IS NOT NULL
      ORDER BY id DESC LIMIT 4`,
    [tenantId, organizationId],
  );
  const customer = await pool.query<{ name: string }>(
    `SELECT name FROM customer WHERE tenant_id = $1 AND organization_id = $2 ORDER BY id LIMIT 1`,
    [tenantId, organizationId],
  );
  const pipelineId = manifest.bigOrganization.pipelineId;
  const ownerId = manifest.bigOrganization.ownerIds[2] ?? manifest.bigOrganization.ownerIds[0] ?? '';
  const stage = await pool.query<{ stage_id: string; n: string }>(
    `SELECT stage_id, count(*) FILTER (WHERE owner_id = $4) AS n FROM deal
      WHERE tenant_id = $1 AND organization_id = $2 AND pipeline_id = $3 AND deleted_at IS NULL
      GROUP BY stage_id ORDER BY count(*) DESC, stage_id LIMIT 1`,
    [tenantId, organizationId, pipelineId, ownerId],
  );
  const timeline = await pool.query<{ contact_id: string }>(
    `SELECT DISTINCT link.contact_id FROM activity_contact link
       JOIN contact c ON c.id = link.contact_id AND c.deleted_at IS NULL
      WHERE link.tenant_id = $1 AND link.organization_id = $2 ORDER BY link.contact_id LIMIT 64`,
    [tenantId, organizationId],
  );
  return {
    manifest,
    tenantId,
    organizationId,
    organizationContacts,
    ownerId,
    detailIds: detail.rows.map((row) => row.id),
    searchTerms: searchTerms(samples.rows, customer.rows[0]?.name),
    cursorPage,
    cursor: core.encodeCursor({ sort: CURSOR_SORT, value: last.created_at.toISOString(), id: last.id }),
    cursorFirstId: position.rows[1]?.id ?? '',
    pipelineId,
    stageId: stage.rows[0]?.stage_id ?? '',
    stageOwnerDeals: Number(stage.rows[0]?.n ?? 0),
    timelineIds: timeline.rows.map((row) => row.contact_id),
    feedAfters: await ensureFeedEvents(pool, manifest),
  };
}

/**
 * What people type: a surname, a full name, the same with two letters swapped, an e-mail and a
 * company name — all taken from the data so every term has matches.
 */
function searchTerms(
  rows: ReadonlyArray<{ first_name: string; last_name: string; primary_email: string | null }>,
  company: string | undefined,
): string[] {
  const [a, b, c, d] = rows;
  const terms: string[] = [];
  if (a !== undefined) terms.push(a.last_name);
  if (b !== undefined) terms.push(`${b.first_name} ${b.last_name}`);
  if (c !== undefined) terms.push(swapTwoLetters(`${c.first_name} ${c.last_name}`));
  if (d?.primary_email != null) terms.push(d.primary_email);
  if (company !== undefined) terms.push(company.split(' ')[0] ?? company);
  return terms.map((term) => term.toLowerCase());
}

/** "jane doe" → "jnae doe": the typo the search must forgive. */
function swapTwoLetters(text: string): string {
  if (text.length < 3) return text;
  return `${text[0]}${text[2]}${text[1]}${text.slice(3)}`;
}
