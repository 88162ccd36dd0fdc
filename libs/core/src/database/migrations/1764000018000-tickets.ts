import type { MigrationInterface, QueryRunner } from 'typeorm';
import { type CountedTableDeclaration, installCountedTable, uninstallCountedTable } from '../counted-tables';

/** Tickets are counted per organization and per status, priority and assignee (their lists' equality filters). */
const TICKET_COUNTS: CountedTableDeclaration = {
  table: 'ticket',
  facets: [
    { column: 'status', type: 'text' },
    { column: 'priority', type: 'text' },
    { column: 'assignee_id', type: 'uuid' },
  ],
};

/**
 * The service desk: tickets (status OPEN/PENDING/RESOLVED/CLOSED, priority, customer, assignee),
 * their tags and linked contacts as link tables that carry the tenant and organization, and
 * their comments; a ticket opened by e-mail keeps the message id it came from. Every reference is a composite foreign key naming the tenant (and for
 * organization records the organization), so a ticket cannot point at, or link, another
 * tenant's or organization's contact, customer or tag. Tickets are counted per organization
 * (`record_count`) and per status, priority and assignee (`ticket_facet_count`).
 */
export class Tickets1764000018000 implements MigrationInterface {
  name = 'Tickets1764000018000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ticket (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        title text NOT NULL,
        description text,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'PENDING', 'RESOLVED', 'CLOSED')),
        priority text NOT NULL DEFAULT 'NORMAL' CHECK (priority IN ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
        customer_id uuid,
        assignee_id uuid,
        resolved_at timestamptz(3),
        closed_at timestamptz(3),
        inbound_message_id text,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        deleted_at timestamptz(3),
        created_by uuid,
        updated_by uuid,
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT ticket_tenant_key UNIQUE (tenant_id, organization_id, id),
        CONSTRAINT ticket_organization_fkey FOREIGN KEY (tenant_id, organization_id) REFERENCES organization (tenant_id, id),
        CONSTRAINT ticket_customer_fkey FOREIGN KEY (tenant_id, organization_id, customer_id)
          REFERENCES customer (tenant_id, organization_id, id),
        CONSTRAINT ticket_assignee_fkey FOREIGN KEY (tenant_id, assignee_id) REFERENCES app_user (tenant_id, id)
      )`);
    const live = 'WHERE deleted_at IS NULL';
    await q.query(
      `CREATE INDEX ticket_list_idx ON ticket (tenant_id, organization_id, created_at DESC, id DESC) ${live}`,
    );
    await q.query(
      `CREATE INDEX ticket_status_idx ON ticket (tenant_id, organization_id, status, created_at DESC, id DESC) ${live}`,
    );
    await q.query(
      `CREATE INDEX ticket_assignee_idx ON ticket (tenant_id, organization_id, assignee_id, created_at DESC, id DESC) ${live}`,
    );
    await q.query(
      `CREATE INDEX ticket_customer_idx ON ticket (tenant_id, organization_id, customer_id, status) ${live} AND customer_id IS NOT NULL`,
    );
    // An inbound e-mail makes one ticket however often (or however concurrently) it is delivered.
    await q.query(
      `CREATE UNIQUE INDEX ticket_inbound_message_uq ON ticket (tenant_id, organization_id, inbound_message_id)
        WHERE inbound_message_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX ticket_title_trgm ON ticket USING gin (lower(title) gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE ticket_tag (
        tenant_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        ticket_id uuid NOT NULL,
        tag_id uuid NOT NULL,
        PRIMARY KEY (tenant_id, organization_id, ticket_id, tag_id),
        CONSTRAINT ticket_tag_ticket_fkey FOREIGN KEY (tenant_id, organization_id, ticket_id)
          REFERENCES ticket (tenant_id, organization_id, id) ON DELETE CASCADE,
        CONSTRAINT ticket_tag_tag_fkey FOREIGN KEY (tenant_id, organization_id, tag_id)
          REFERENCES tag (tenant_id, organization_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX ticket_tag_tag_id_idx ON ticket_tag (tenant_id, organization_id, tag_id, ticket_id)`);

    await q.query(`
      CREATE TABLE ticket_contact (
        tenant_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        ticket_id uuid NOT NULL,
        contact_id uuid NOT NULL,
        PRIMARY KEY (tenant_id, organization_id, ticket_id, contact_id),
        CONSTRAINT ticket_contact_ticket_fkey FOREIGN KEY (tenant_id, organization_id, ticket_id)
          REFERENCES ticket (tenant_id, organization_id, id) ON DELETE CASCADE,
        CONSTRAINT ticket_contact_contact_fkey FOREIGN KEY (tenant_id, organization_id, contact_id)
          REFERENCES contact (tenant_id, organization_id, id) ON DELETE CASCADE
      )`);
    // A contact's tickets: one probe from the contact side.
    await q.query(
      `CREATE INDEX ticket_contact_contact_idx ON ticket_contact (tenant_id, organization_id, contact_id, ticket_id)`,
    );

    await q.query(`
      CREATE TABLE ticket_comment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        ticket_id uuid NOT NULL,
        author_id uuid,
        body text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        deleted_at timestamptz(3),
        created_by uuid,
        updated_by uuid,
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT ticket_comment_ticket_fkey FOREIGN KEY (tenant_id, organization_id, ticket_id)
          REFERENCES ticket (tenant_id, organization_id, id),
        CONSTRAINT ticket_comment_author_fkey FOREIGN KEY (tenant_id, author_id) REFERENCES app_user (tenant_id, id)
      )`);
    await q.query(
      `CREATE INDEX ticket_comment_ticket_idx ON ticket_comment (tenant_id, organization_id, ticket_id, created_at, id) ${live}`,
    );

    await installCountedTable(q, TICKET_COUNTS);
  }

  async down(q: QueryRunner): Promise<void> {
    await uninstallCountedTable(q, TICKET_COUNTS);
    await q.query(`DROP TABLE IF EXISTS ticket_comment`);
    await q.query(`DROP TABLE IF EXISTS ticket_contact`);
    await q.query(`DROP TABLE IF EXISTS ticket_tag`);
    await q.query(`DROP TABLE IF EXISTS ticket`);
  }
}
