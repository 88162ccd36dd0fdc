import type { INestApplicationContext } from '@nestjs/common';
import { OutboxSequencer } from '@clientele/core';
import { DataSource } from 'typeorm';

/** The types of the outbox events recorded for one entity, in the order they were written. */
export async function outboxEventTypes(db: DataSource, entityId: string): Promise<string[]> {
  const rows: Array<{ type: string }> = await db.query(
    `SELECT type FROM outbox_event WHERE entity_id = $1 ORDER BY position`,
    [entityId],
  );
  return rows.map((row) => row.type);
}

/**
 * Runs the outbox sequencer until every committed event has its feed sequence. Another test
 * database's open transaction holds the cluster's xmin back a while, hence the retries.
 */
export async function sequenceOutbox(app: INestApplicationContext): Promise<void> {
  const db = app.get(DataSource);
  const sequencer = app.get(OutboxSequencer);
  for (let attempt = 0; attempt < 200; attempt += 1) {
    await db.transaction((manager) => sequencer.sequence(manager));
    const [{ n }] = await db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM outbox_event WHERE sequence IS NULL`,
    );
    if (n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('outbox events stayed unsequenced');
}
