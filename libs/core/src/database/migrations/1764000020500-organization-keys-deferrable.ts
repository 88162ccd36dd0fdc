import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Foreign keys naming `organization_id` that are not deferrable yet, as `(table, constraint)`. */
const ORGANIZATION_KEYS = `
  SELECT rel.relname AS table_name, con.conname AS constraint_name
    FROM pg_constraint con
    JOIN pg_class rel ON rel.oid = con.conrelid
    JOIN pg_namespace ns ON ns.oid = rel.relnamespace
    JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = ANY(con.conkey)
   WHERE con.contype = 'f' AND ns.nspname = current_schema() AND att.attname = 'organization_id'
     AND NOT con.condeferrable
   ORDER BY rel.relname, con.conname`;

/**
 * Every foreign key naming `organization_id` (`(tenant_id, organization_id, contact_id)` →
 * `contact`, …) becomes `DEFERRABLE INITIALLY IMMEDIATE`: checked at the end of each statement
 * as before, unless a transaction says `SET CONSTRAINTS ALL DEFERRED`. Moving an organization's
 * CRM to another organization (`POST organizations/:id/transfer-crm`) does, so it can move a
 * contact and the deals, tickets and links pointing at it one table at a time and have the keys
 * checked once, at commit. Tables added later declare such keys `DEFERRABLE INITIALLY IMMEDIATE`
 * themselves (test/crm-transfer.e2e-spec.ts fails on one that does not).
 */
export class OrganizationKeysDeferrable1764000020500 implements MigrationInterface {
  name = 'OrganizationKeysDeferrable1764000020500';

  async up(q: QueryRunner): Promise<void> {
    const keys = (await q.query(ORGANIZATION_KEYS)) as Array<{ table_name: string; constraint_name: string }>;
    for (const { table_name: table, constraint_name: constraint } of keys) {
      await q.query(`ALTER TABLE "${table}" ALTER CONSTRAINT "${constraint}" DEFERRABLE INITIALLY IMMEDIATE`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    const keys = (await q.query(`
      SELECT rel.relname AS table_name, con.conname AS constraint_name
        FROM pg_constraint con
        JOIN pg_class rel ON rel.oid = con.conrelid
        JOIN pg_namespace ns ON ns.oid = rel.relnamespace
        JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = ANY(con.conkey)
       WHERE con.contype = 'f' AND ns.nspname = current_schema() AND att.attname = 'organization_id'
         AND con.condeferrable`)) as Array<{ table_name: string; constraint_name: string }>;
    for (const { table_name: table, constraint_name: constraint } of keys) {
      await q.query(`ALTER TABLE "${table}" ALTER CONSTRAINT "${constraint}" NOT DEFERRABLE`);
    }
  }
}
