import type { MigrationInterface, QueryRunner } from 'typeorm';

const COMMON_COLUMNS = `
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        deleted_at timestamptz(3),
        created_by uuid,
        updated_by uuid,
        version integer NOT NULL DEFAULT 1`;

/**
 * Activities (calls, e-mails, meetings, tasks) and notes, the feed of contacts, customers and
 * deals. Every key leads with `tenant_id, organization_id`, and every reference is a composite
 * foreign key naming them, so neither can point at another tenant's or organization's deal,
 * customer, contact or user. An activity's contacts are a link table carrying the tenant and the
 * organization (`activity_contact`), like the other link tables.
 *
 * A note is about exactly one subject, one nullable column per kind with its own foreign key and
 * `note_one_subject_check` counting them: tickets add `ticket_id` and widen the check.
 */
export class ActivitiesAndNotes1764000015000 implements MigrationInterface {
  name = 'ActivitiesAndNotes1764000015000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE activity (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        type text NOT NULL CHECK (type IN ('CALL', 'EMAIL', 'MEETING', 'TASK')),
        subject text NOT NULL,
        body text,
        due_at timestamptz(3),
        completed_at timestamptz(3),
        owner_id uuid,
        deal_id uuid,
        customer_id uuid,${COMMON_COLUMNS},
        CONSTRAINT activity_tenant_key UNIQUE (tenant_id, organization_id, id),
        CONSTRAINT activity_organization_fkey FOREIGN KEY (tenant_id, organization_id)
          REFERENCES organization (tenant_id, id),
        CONSTRAINT activity_deal_fkey FOREIGN KEY (tenant_id, organization_id, deal_id)
          REFERENCES deal (tenant_id, organization_id, id),
        CONSTRAINT activity_customer_fkey FOREIGN KEY (tenant_id, organization_id, customer_id)
          REFERENCES customer (tenant_id, organization_id, id),
        CONSTRAINT activity_owner_fkey FOREIGN KEY (tenant_id, owner_id) REFERENCES app_user (tenant_id, id)
      )`);
    const live = 'WHERE deleted_at IS NULL';
    await q.query(
      `CREATE INDEX activity_list_idx ON activity (tenant_id, organization_id, created_at DESC, id DESC) ${live}`,
    );
    await q.query(
      `CREATE INDEX activity_owner_idx ON activity (tenant_id, organization_id, owner_id, created_at DESC, id DESC) ${live}`,
    );
    await q.query(
      `CREATE INDEX activity_deal_idx ON activity (tenant_id, organization_id, deal_id, created_at DESC, id DESC)
        ${live} AND deal_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX activity_customer_idx ON activity (tenant_id, organization_id, customer_id, created_at DESC, id DESC)
        ${live} AND customer_id IS NOT NULL`,
    );
    // Open tasks by due date: the overdue filter.
    await q.query(
      `CREATE INDEX activity_due_idx ON activity (tenant_id, organization_id, due_at) ${live} AND completed_at IS NULL`,
    );

    await q.query(`
      CREATE TABLE activity_contact (
        tenant_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        activity_id uuid NOT NULL,
        contact_id uuid NOT NULL,
        PRIMARY KEY (tenant_id, organization_id, activity_id, contact_id),
        CONSTRAINT activity_contact_activity_fkey FOREIGN KEY (tenant_id, organization_id, activity_id)
          REFERENCES activity (tenant_id, organization_id, id) ON DELETE CASCADE,
        CONSTRAINT activity_contact_contact_fkey FOREIGN KEY (tenant_id, organization_id, contact_id)
          REFERENCES contact (tenant_id, organization_id, id) ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX activity_contact_contact_id_idx ON activity_contact (tenant_id, organization_id, contact_id, activity_id)`,
    );

    await q.query(`
      CREATE TABLE note (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        body text NOT NULL CHECK (octet_length(body) BETWEEN 1 AND 65536),
        author_id uuid,
        contact_id uuid,
        customer_id uuid,
        deal_id uuid,${COMMON_COLUMNS},
        CONSTRAINT note_one_subject_check CHECK (num_nonnulls(contact_id, customer_id, deal_id) = 1),
        CONSTRAINT note_tenant_key UNIQUE (tenant_id, organization_id, id),
        CONSTRAINT note_organization_fkey FOREIGN KEY (tenant_id, organization_id) REFERENCES organization (tenant_id, id),
        CONSTRAINT note_contact_fkey FOREIGN KEY (tenant_id, organization_id, contact_id)
          REFERENCES contact (tenant_id, organization_id, id),
        CONSTRAINT note_customer_fkey FOREIGN KEY (tenant_id, organization_id, customer_id)
          REFERENCES customer (tenant_id, organization_id, id),
        CONSTRAINT note_deal_fkey FOREIGN KEY (tenant_id, organization_id, deal_id)
          REFERENCES deal (tenant_id, organization_id, id),
        CONSTRAINT note_author_fkey FOREIGN KEY (tenant_id, author_id) REFERENCES app_user (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX note_list_idx ON note (tenant_id, organization_id, created_at DESC, id DESC) ${live}`);
    for (const subject of ['contact', 'customer', 'deal']) {
      await q.query(
        `CREATE INDEX note_${subject}_idx ON note (tenant_id, organization_id, ${subject}_id, created_at DESC, id DESC)
          ${live} AND ${subject}_id IS NOT NULL`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS note`);
    await q.query(`DROP TABLE IF EXISTS activity_contact`);
    await q.query(`DROP TABLE IF EXISTS activity`);
  }
}
