import type { DataSource } from 'typeorm';

/** The types of the outbox events recorded for one entity, in the order they were written. */
export async function outboxEventTypes(db: DataSource, entityId: string): Promise<string[]> {
  const rows: Array<{ type: string }> = await db.query(
    `SELECT type FROM outbox_event WHERE entity_id = $1 ORDER BY position`,
    [entityId],
  );
  return rows.map((row) => row.type);
}
