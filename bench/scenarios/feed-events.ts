import type { Pool } from 'pg';
import type { DatasetManifest } from '../generate/dataset-manifest';

/** Events the change-feed scenario reads from: the big tenant's contacts, updated. */
export const FEED_EVENTS = 200_000;
/** Where the scenario's readers resume, spread over the feed. */
const FEED_POSITIONS = 16;
/** Marks the bench's events among the outbox's rows. */
const FEED_REQUEST_ID = 'bench-change-feed';

/**
 * Writes `FEED_EVENTS` sequenced `contact.updated` events to the big tenant's change feed (its contacts as data, a changed status as `previous`), as the sequencer would have
 * numbered them, and returns `after` positions spread over them. The data set's bulk load
 * bypasses the outbox, so without these the feed would be empty.
 */
export async function ensureFeedEvents(pool: Pool, manifest: DatasetManifest): Promise<string[]> {
  const tenantId = manifest.bigTenant.id;
  // The run truncates the outbox before loading its fixtures, so the events are written anew each time.
  await pool.query(
    `INSERT INTO outbox_event (id, tenant_id, organization_id, type, version, entity, entity_id, actor_type, actor_id,
                               request_id, data, previous, changed_fields, sequence)
     SELECT gen_random_uuid(), c.tenant_id, c.organization_id, 'contact.updated', 1, 'contact', c.id, 'user', c.owner_id,
            $2, to_jsonb(c) - 'search_text', jsonb_build_object('status', 'Lead'), ARRAY['status'],
            nextval('outbox_sequence')
       FROM (SELECT * FROM contact WHERE tenant_id = $1 AND deleted_at IS NULL ORDER BY id LIMIT $3) c`,
    [tenantId, FEED_REQUEST_ID, FEED_EVENTS],
  );
  await pool.query(`ANALYZE outbox_event`);
  const positions = await pool.query<{ after: string }>(
    `SELECT min(sequence)::text AS after FROM (
       SELECT sequence, ntile($3) OVER (ORDER BY sequence) AS tile FROM outbox_event
        WHERE tenant_id = $1 AND request_id = $2 AND sequence IS NOT NULL) s
      GROUP BY tile ORDER BY min(sequence)`,
    [tenantId, FEED_REQUEST_ID, FEED_POSITIONS],
  );
  return positions.rows.map((row) => row.after);
}
