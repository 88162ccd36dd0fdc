import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 21 (timelines): a record's field changes and a deal's stage changes are read from the
 * audit trail newest first, by `(created_at, id)` after a cursor. The entity index gains those
 * columns, so a timeline page walks one record's entries in order and stops at the page size.
 */
export class AuditEntryTimelineIndex1764000012000 implements MigrationInterface {
  name = 'AuditEntryTimelineIndex1764000012000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX audit_entry_entity_time_idx ON audit_entry (tenant_id, entity, entity_id, created_at DESC, id DESC)`,
    );
    await q.query(`DROP INDEX IF EXISTS audit_entry_entity_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX audit_entry_entity_idx ON audit_entry (tenant_id, entity, entity_id)`);
    await q.query(`DROP INDEX IF EXISTS audit_entry_entity_time_idx`);
  }
}
