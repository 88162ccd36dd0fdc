import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The change feed's retention mark: events up to `purged_through` may have been deleted
 * (`OutboxRetentionJob`), so the feed answers 410 to a reader asking for what came before.
 * One row, for the whole outbox.
 */
export class OutboxRetention1764000013000 implements MigrationInterface {
  name = 'OutboxRetention1764000013000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox_retention (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        purged_through bigint NOT NULL DEFAULT 0
      )`);
    await q.query(`INSERT INTO outbox_retention DEFAULT VALUES`);
    // Retention deletes by sequence, across tenants.
    await q.query(`CREATE INDEX outbox_event_sequence_idx ON outbox_event (sequence) WHERE sequence IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS outbox_event_sequence_idx`);
    await q.query(`DROP TABLE IF EXISTS outbox_retention`);
  }
}
