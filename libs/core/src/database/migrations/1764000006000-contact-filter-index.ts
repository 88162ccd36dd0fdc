import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The portal's filter chips (owner + kind + status) served in order from one index: the
 * planner otherwise read every contact of the owner and sorted them (86 ms → 0.2 ms for a page
 * of the bench's biggest organization), and the capped total counts from the same index.
 */
export class ContactFilterIndex1764000006000 implements MigrationInterface {
  name = 'ContactFilterIndex1764000006000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX IF NOT EXISTS contact_filter_idx ON contact
         (tenant_id, organization_id, owner_id, contact_type, lower(status), created_at DESC, id DESC)
       WHERE deleted_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS contact_filter_idx`);
  }
}
