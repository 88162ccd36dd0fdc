import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The relay reads the oldest sequenced, unpublished events (`ORDER BY sequence`), and retention
 * keeps everything from the first of them: an index of exactly those rows, by sequence, so
 * neither walks the published ones. It replaces the foundation's index by position.
 */
export class OutboxRelayIndex1764000013500 implements MigrationInterface {
  name = 'OutboxRelayIndex1764000013500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX outbox_event_relay_idx ON outbox_event (sequence) WHERE sequence IS NOT NULL AND published_at IS NULL`,
    );
    await q.query(`DROP INDEX IF EXISTS outbox_event_unpublished_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX outbox_event_unpublished_idx ON outbox_event (position) WHERE published_at IS NULL`);
    await q.query(`DROP INDEX IF EXISTS outbox_event_relay_idx`);
  }
}
