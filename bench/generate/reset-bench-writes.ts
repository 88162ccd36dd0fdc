import type { Pool } from 'pg';
import type { DatasetManifest } from './dataset-manifest';

/**
 * Removes what earlier bench runs wrote (contacts created by the create scenario, sessions of
 * logins, audit and outbox rows), so every run measures the data set as generated. The
 * generator writes none of these, so "after the load" identifies them exactly.
 */
export async function resetBenchWrites(pool: Pool, manifest: DatasetManifest): Promise<number> {
  const deleted = await pool.query(`DELETE FROM contact WHERE created_at > $1`, [manifest.loadedAt]);
  await pool.query(`TRUNCATE audit_entry, outbox_event, auth_session CASCADE`);
  if ((deleted.rowCount ?? 0) > 0) await pool.query(`VACUUM (ANALYZE) contact, contact_tag, contact_member`);
  return deleted.rowCount ?? 0;
}

/** Only the contacts the create scenario added (sessions stay valid): before the export. */
export async function removeCreatedContacts(pool: Pool, manifest: DatasetManifest): Promise<number> {
  const deleted = await pool.query(`DELETE FROM contact WHERE created_at > $1`, [manifest.loadedAt]);
  if ((deleted.rowCount ?? 0) > 0) await pool.query(`VACUUM (ANALYZE) contact, contact_tag, contact_member`);
  return deleted.rowCount ?? 0;
}
