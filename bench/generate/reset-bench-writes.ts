import type { Pool } from 'pg';
import type { DatasetManifest } from './dataset-manifest';

/**
 * Removes what earlier bench runs wrote (contacts created by the create scenario, sessions of
 * logins, audit and outbox rows), so every run measures the data set as generated. The
 * generator writes none of these, so "after the load" identifies them exactly.
 */
export async function resetBenchWrites(pool: Pool, manifest: DatasetManifest): Promise<number> {
  const deleted = await removeCreatedContacts(pool, manifest);
  await pool.query(`TRUNCATE audit_entry, outbox_event, auth_session CASCADE`);
  return deleted;
}

/**
 * Only the contacts the create scenario added (sessions stay valid): before the export. They
 * have nothing pointing at them but their tag and member links, so those go first and the rest
 * runs with the triggers off — the foreign-key checks of a contact delete would otherwise scan
 * the deals, activities, tickets and invoices for each one — and the contact counters are
 * recomputed from the rows after.
 */
export async function removeCreatedContacts(pool: Pool, manifest: DatasetManifest): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SET LOCAL session_replication_role = replica`);
    const created = `SELECT id FROM contact WHERE created_at > $1`;
    await client.query(`DELETE FROM contact_tag WHERE contact_id IN (${created})`, [manifest.loadedAt]);
    await client.query(`DELETE FROM contact_member WHERE contact_id IN (${created})`, [manifest.loadedAt]);
    const deleted = await client.query(`DELETE FROM contact WHERE created_at > $1`, [manifest.loadedAt]);
    if ((deleted.rowCount ?? 0) > 0) {
      await client.query(`SELECT refresh_contact_record_count(), refresh_contact_facet_count()`);
    }
    await client.query('COMMIT');
    if ((deleted.rowCount ?? 0) > 0) await client.query(`VACUUM (ANALYZE) contact, contact_tag, contact_member`);
    return deleted.rowCount ?? 0;
  } catch (failure) {
    await client.query('ROLLBACK');
    throw failure;
  } finally {
    client.release();
  }
}
