import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Responses of writes sent with `Idempotency-Key`, replayed for a retry with the same key. */
export class IdempotencyKey1764000000500 implements MigrationInterface {
  name = 'IdempotencyKey1764000000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_key (
        tenant_id uuid NOT NULL,
        actor_id uuid NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        status_code integer,
        response jsonb,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, actor_id, key)
      )`);
    await q.query(`CREATE INDEX idempotency_key_created_idx ON idempotency_key (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS idempotency_key`);
  }
}
