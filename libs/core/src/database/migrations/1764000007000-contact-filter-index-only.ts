import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `contact_filter_idx` carries `status` itself (INCLUDE): the index holds `lower(status)`, and
 * without the column PostgreSQL will not answer from the index alone. The capped total of a
 * filtered list is then an index-only scan (47 ms → 2.3 ms for 3,068 matches in the bench's
 * biggest organization) instead of a heap visit per match.
 */
export class ContactFilterIndexOnly1764000007000 implements MigrationInterface {
  name = 'ContactFilterIndexOnly1764000007000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS contact_filter_idx`);
    await q.query(
      `CREATE INDEX contact_filter_idx ON contact
         (tenant_id, organization_id, owner_id, contact_type, lower(status), created_at DESC, id DESC)
       INCLUDE (status) WHERE deleted_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS contact_filter_idx`);
    await q.query(
      `CREATE INDEX contact_filter_idx ON contact
         (tenant_id, organization_id, owner_id, contact_type, lower(status), created_at DESC, id DESC)
       WHERE deleted_at IS NULL`,
    );
  }
}
