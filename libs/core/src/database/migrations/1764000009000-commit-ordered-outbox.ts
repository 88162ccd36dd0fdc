import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Typed, versioned events on a commit-ordered outbox (docs/architecture.md, "Events"):
 * - `outbox_event` gets the event envelope's columns (`version`, `data`, `previous`,
 *   `changed_fields`, `occurred_at`, the actor and request) and the writing transaction's id
 *   `txid`; `sequence` stays null until `OutboxSequencer` assigns it from `outbox_sequence`
 *   once no older transaction can still commit. `payload` becomes a generated column in the
 *   shape it had (`{id, organizationId, before, after}`) for readers from before.
 * - `outbox_delivery`: one row per event and destination (webhook), for retries and the log.
 * - `scheduled_job`: the last run of each scheduler job, across API processes.
 * Rows written before are sequenced here in their `position` order.
 */
export class CommitOrderedOutbox1764000009000 implements MigrationInterface {
  name = 'CommitOrderedOutbox1764000009000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE outbox_event
        ADD COLUMN sequence bigint,
        ADD COLUMN version integer NOT NULL DEFAULT 1,
        ADD COLUMN data jsonb,
        ADD COLUMN previous jsonb,
        ADD COLUMN changed_fields text[],
        ADD COLUMN occurred_at timestamptz(3),
        ADD COLUMN actor_type text,
        ADD COLUMN actor_id uuid,
        ADD COLUMN request_id text,
        ADD COLUMN txid xid8`);
    await q.query(`
      UPDATE outbox_event
         SET data = payload -> 'after', previous = payload -> 'before', occurred_at = created_at, sequence = position`);
    await q.query(
      `ALTER TABLE outbox_event ALTER COLUMN occurred_at SET DEFAULT now(), ALTER COLUMN occurred_at SET NOT NULL`,
    );
    await q.query(`ALTER TABLE outbox_event ALTER COLUMN txid SET DEFAULT pg_current_xact_id()`);
    await q.query(`ALTER TABLE outbox_event ALTER COLUMN version DROP DEFAULT`);
    await q.query(`ALTER TABLE outbox_event DROP COLUMN payload`);
    // jsonb_build_object is only STABLE; these casts and jsonb_set are IMMUTABLE, as a generated column needs.
    await q.query(`
      ALTER TABLE outbox_event ADD COLUMN payload jsonb GENERATED ALWAYS AS (
        jsonb_set(jsonb_set(jsonb_set(jsonb_set('{}'::jsonb,
          '{id}', COALESCE(('"' || entity_id::text || '"')::jsonb, 'null'::jsonb)),
          '{organizationId}', COALESCE(('"' || organization_id::text || '"')::jsonb, 'null'::jsonb)),
          '{before}', COALESCE(previous, 'null'::jsonb)),
          '{after}', COALESCE(data, 'null'::jsonb))
      ) STORED`);
    await q.query(
      `ALTER TABLE outbox_event ADD CONSTRAINT outbox_event_txid_ck CHECK (sequence IS NOT NULL OR txid IS NOT NULL)`,
    );
    await q.query(`CREATE SEQUENCE outbox_sequence AS bigint`);
    await q.query(`SELECT setval('outbox_sequence', max(position)) FROM outbox_event HAVING count(*) > 0`);
    // The sequencer's queue: unsequenced rows in transaction order.
    await q.query(`CREATE INDEX outbox_event_unsequenced_idx ON outbox_event (txid, id) WHERE sequence IS NULL`);
    // The feed: one tenant's events after a sequence.
    await q.query(
      `CREATE UNIQUE INDEX outbox_event_feed_uq ON outbox_event (tenant_id, sequence) WHERE sequence IS NOT NULL`,
    );
    await q.query(`CREATE UNIQUE INDEX outbox_event_tenant_id_uq ON outbox_event (tenant_id, id)`);

    await q.query(`
      CREATE TABLE outbox_delivery (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        outbox_event_id uuid NOT NULL,
        sequence bigint NOT NULL,
        destination text NOT NULL,
        status text NOT NULL DEFAULT 'PENDING',
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz(3),
        last_error text,
        delivered_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        CONSTRAINT outbox_delivery_status_ck CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED', 'DEAD')),
        CONSTRAINT outbox_delivery_event_fk FOREIGN KEY (tenant_id, outbox_event_id)
          REFERENCES outbox_event (tenant_id, id) ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE UNIQUE INDEX outbox_delivery_event_uq ON outbox_delivery (tenant_id, destination, outbox_event_id)`,
    );
    // The retrier's queue, across tenants: pending deliveries by due time.
    await q.query(`CREATE INDEX outbox_delivery_due_idx ON outbox_delivery (next_attempt_at) WHERE status = 'PENDING'`);

    await q.query(`
      CREATE TABLE scheduled_job (
        name text PRIMARY KEY,
        last_run_at timestamptz(3),
        last_status text,
        last_error text,
        last_duration_ms integer,
        run_count bigint NOT NULL DEFAULT 0,
        CONSTRAINT scheduled_job_status_ck CHECK (last_status IN ('SUCCEEDED', 'FAILED'))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS scheduled_job`);
    await q.query(`DROP TABLE IF EXISTS outbox_delivery`);
    await q.query(`DROP INDEX IF EXISTS outbox_event_tenant_id_uq`);
    await q.query(`DROP INDEX IF EXISTS outbox_event_feed_uq`);
    await q.query(`DROP INDEX IF EXISTS outbox_event_unsequenced_idx`);
    await q.query(`DROP SEQUENCE IF EXISTS outbox_sequence`);
    await q.query(`ALTER TABLE outbox_event DROP CONSTRAINT IF EXISTS outbox_event_txid_ck`);
    await q.query(`ALTER TABLE outbox_event DROP COLUMN payload`);
    await q.query(`ALTER TABLE outbox_event ADD COLUMN payload jsonb`);
    await q.query(`
      UPDATE outbox_event
         SET payload = jsonb_build_object('id', entity_id, 'organizationId', organization_id, 'before', previous, 'after', data)`);
    await q.query(`ALTER TABLE outbox_event ALTER COLUMN payload SET NOT NULL`);
    await q.query(`
      ALTER TABLE outbox_event
        DROP COLUMN sequence, DROP COLUMN version, DROP COLUMN data, DROP COLUMN previous,
        DROP COLUMN changed_fields, DROP COLUMN occurred_at, DROP COLUMN actor_type,
        DROP COLUMN actor_id, DROP COLUMN request_id, DROP COLUMN txid`);
  }
}
