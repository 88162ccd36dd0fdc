import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhooks (docs/architecture.md, "Events"): `webhook` holds a subscription (URL, type patterns,
 * field filter, organizations, sealed signing secrets); its deliveries are `outbox_delivery`
 * rows with `webhook_id`, one per webhook and event (a redelivery is a new row naming the one
 * it repeats), attempted in `ordinal` order per webhook. `webhook_fanout` is how far the
 * fan-out has read the outbox; it starts at the current end, so old events are not sent.
 */
export class Webhooks1764000013100 implements MigrationInterface {
  name = 'Webhooks1764000013100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        description text,
        url text NOT NULL,
        types text[] NOT NULL,
        type_likes text[] NOT NULL,
        fields text[],
        omit_fields text[] NOT NULL DEFAULT '{}',
        organization_ids uuid[] NOT NULL,
        secret_sealed text NOT NULL,
        previous_secret_sealed text,
        previous_secret_expires_at timestamptz(3),
        active boolean NOT NULL DEFAULT true,
        disabled_reason text,
        dead_in_a_row integer NOT NULL DEFAULT 0,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        deleted_at timestamptz(3),
        created_by uuid,
        updated_by uuid,
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT webhook_tenant_id_uq UNIQUE (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX webhook_tenant_idx ON webhook (tenant_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX webhook_active_idx ON webhook (tenant_id) WHERE active AND deleted_at IS NULL`);

    await q.query(`
      ALTER TABLE outbox_delivery
        ADD COLUMN webhook_id uuid,
        ADD COLUMN ordinal bigint GENERATED ALWAYS AS IDENTITY,
        ADD COLUMN redelivery_of uuid,
        ADD COLUMN last_attempt_at timestamptz(3),
        ADD COLUMN response_status integer,
        ADD COLUMN response_body text,
        ADD COLUMN duration_ms integer,
        -- A test ping is delivered before its event has a sequence: the event's is the one that counts.
        ALTER COLUMN sequence DROP NOT NULL,
        ADD CONSTRAINT outbox_delivery_webhook_fk FOREIGN KEY (tenant_id, webhook_id)
          REFERENCES webhook (tenant_id, id) ON DELETE CASCADE`);
    await q.query(`DROP INDEX outbox_delivery_event_uq`);
    await q.query(`
      CREATE UNIQUE INDEX outbox_delivery_event_uq ON outbox_delivery (tenant_id, destination, outbox_event_id)
       WHERE redelivery_of IS NULL`);
    // The sender's queue: each webhook's oldest pending delivery.
    await q.query(`
      CREATE INDEX outbox_delivery_webhook_queue_idx ON outbox_delivery (webhook_id, ordinal)
       WHERE status = 'PENDING' AND webhook_id IS NOT NULL`);
    // The delivery log of one webhook, newest first.
    await q.query(
      `CREATE INDEX outbox_delivery_webhook_log_idx ON outbox_delivery (tenant_id, webhook_id, ordinal DESC)`,
    );

    await q.query(`
      CREATE TABLE webhook_fanout (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        last_sequence bigint NOT NULL
      )`);
    await q.query(`INSERT INTO webhook_fanout (last_sequence) SELECT COALESCE(max(sequence), 0) FROM outbox_event`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS webhook_fanout`);
    await q.query(`DELETE FROM outbox_delivery WHERE webhook_id IS NOT NULL`);
    await q.query(`ALTER TABLE outbox_delivery ALTER COLUMN sequence SET NOT NULL`);
    await q.query(`DROP INDEX IF EXISTS outbox_delivery_webhook_log_idx`);
    await q.query(`DROP INDEX IF EXISTS outbox_delivery_webhook_queue_idx`);
    await q.query(`DROP INDEX IF EXISTS outbox_delivery_event_uq`);
    await q.query(
      `CREATE UNIQUE INDEX outbox_delivery_event_uq ON outbox_delivery (tenant_id, destination, outbox_event_id)`,
    );
    await q.query(`
      ALTER TABLE outbox_delivery
        DROP CONSTRAINT outbox_delivery_webhook_fk,
        DROP COLUMN webhook_id, DROP COLUMN ordinal, DROP COLUMN redelivery_of, DROP COLUMN last_attempt_at,
        DROP COLUMN response_status, DROP COLUMN response_body, DROP COLUMN duration_ms`);
    await q.query(`DROP TABLE IF EXISTS webhook`);
  }
}
