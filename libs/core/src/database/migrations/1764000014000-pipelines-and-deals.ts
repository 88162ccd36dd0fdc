import type { MigrationInterface, QueryRunner } from 'typeorm';
import { type CountedTableDeclaration, installCountedTable, uninstallCountedTable } from '../counted-tables';

/** The default pipeline as this migration gives it to every existing organization. */
const DEFAULT_STAGES: ReadonlyArray<readonly [name: string, probability: number, kind: 'OPEN' | 'WON' | 'LOST']> = [
  ['Lead', 10, 'OPEN'],
  ['Qualified', 25, 'OPEN'],
  ['Proposal', 50, 'OPEN'],
  ['Negotiation', 75, 'OPEN'],
  ['Won', 100, 'WON'],
  ['Lost', 0, 'LOST'],
];

/** Deals are counted per organization and per pipeline, stage, status and owner (their lists' equality filters). */
export const DEAL_COUNTS: CountedTableDeclaration = {
  table: 'deal',
  facets: [
    { column: 'pipeline_id', type: 'uuid' },
    { column: 'stage_id', type: 'uuid' },
    { column: 'status', type: 'text' },
    { column: 'owner_id', type: 'uuid' },
  ],
};

/**
 * Sales: pipelines with ordered stages (probability, kind OPEN/WON/LOST, optional rotting
 * threshold), deals in a stage, and deal tags as a link table that carries the tenant. Every key
 * leads with `tenant_id, organization_id`; every reference is a composite foreign key naming
 * them, so a deal cannot point at another tenant's or organization's stage, contact, customer
 * or tag, nor at a stage of another pipeline than its own. Deals are counted per organization
 * (`record_count`) and per pipeline, stage, status and owner (`deal_facet_count`). Every
 * existing organization gets the default pipeline Lead, Qualified, Proposal, Negotiation, Won,
 * Lost (new ones get it from the pipelines module when they are created).
 */
export class PipelinesAndDeals1764000014000 implements MigrationInterface {
  name = 'PipelinesAndDeals1764000014000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organization ADD COLUMN require_lost_reason boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE organization ADD CONSTRAINT organization_tenant_key UNIQUE (tenant_id, id)`);

    await q.query(`
      CREATE TABLE pipeline (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        name text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        deleted_at timestamptz(3),
        created_by uuid,
        updated_by uuid,
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pipeline_tenant_key UNIQUE (tenant_id, organization_id, id),
        CONSTRAINT pipeline_organization_fkey FOREIGN KEY (tenant_id, organization_id)
          REFERENCES organization (tenant_id, id)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX pipeline_name_uq ON pipeline (tenant_id, organization_id, lower(name)) WHERE deleted_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX pipeline_list_idx ON pipeline (tenant_id, organization_id, created_at, id) WHERE deleted_at IS NULL`,
    );

    await q.query(`
      CREATE TABLE pipeline_stage (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        pipeline_id uuid NOT NULL,
        name text NOT NULL,
        position integer NOT NULL CHECK (position >= 0),
        probability smallint NOT NULL CHECK (probability BETWEEN 0 AND 100),
        kind text NOT NULL CHECK (kind IN ('OPEN', 'WON', 'LOST')),
        rotten_after_days integer CHECK (rotten_after_days IS NULL OR rotten_after_days BETWEEN 1 AND 3650),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        deleted_at timestamptz(3),
        created_by uuid,
        updated_by uuid,
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pipeline_stage_tenant_key UNIQUE (tenant_id, organization_id, id),
        CONSTRAINT pipeline_stage_pipeline_key UNIQUE (tenant_id, organization_id, pipeline_id, id),
        CONSTRAINT pipeline_stage_pipeline_fkey FOREIGN KEY (tenant_id, organization_id, pipeline_id)
          REFERENCES pipeline (tenant_id, organization_id, id)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX pipeline_stage_name_uq ON pipeline_stage (tenant_id, organization_id, pipeline_id, lower(name))
        WHERE deleted_at IS NULL`,
    );
    // A pipeline has exactly one WON and one LOST stage.
    await q.query(
      `CREATE UNIQUE INDEX pipeline_stage_closing_uq ON pipeline_stage (tenant_id, organization_id, pipeline_id, kind)
        WHERE deleted_at IS NULL AND kind <> 'OPEN'`,
    );

    await q.query(`
      CREATE TABLE deal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        title text NOT NULL,
        value numeric(19, 4) NOT NULL DEFAULT 0 CHECK (value >= 0),
        currency char(3) NOT NULL,
        expected_close_date date,
        pipeline_id uuid NOT NULL,
        stage_id uuid NOT NULL,
        contact_id uuid,
        customer_id uuid,
        owner_id uuid,
        probability smallint CHECK (probability IS NULL OR probability BETWEEN 0 AND 100),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'WON', 'LOST')),
        closed_at timestamptz(3),
        lost_reason text,
        stage_changed_at timestamptz(3) NOT NULL DEFAULT now(),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        deleted_at timestamptz(3),
        created_by uuid,
        updated_by uuid,
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT deal_closed_check CHECK ((status = 'OPEN') = (closed_at IS NULL)),
        CONSTRAINT deal_lost_reason_check CHECK (status = 'LOST' OR lost_reason IS NULL),
        CONSTRAINT deal_tenant_key UNIQUE (tenant_id, organization_id, id),
        CONSTRAINT deal_organization_fkey FOREIGN KEY (tenant_id, organization_id) REFERENCES organization (tenant_id, id),
        CONSTRAINT deal_pipeline_fkey FOREIGN KEY (tenant_id, organization_id, pipeline_id)
          REFERENCES pipeline (tenant_id, organization_id, id),
        CONSTRAINT deal_stage_fkey FOREIGN KEY (tenant_id, organization_id, pipeline_id, stage_id)
          REFERENCES pipeline_stage (tenant_id, organization_id, pipeline_id, id),
        CONSTRAINT deal_contact_fkey FOREIGN KEY (tenant_id, organization_id, contact_id)
          REFERENCES contact (tenant_id, organization_id, id),
        CONSTRAINT deal_customer_fkey FOREIGN KEY (tenant_id, organization_id, customer_id)
          REFERENCES customer (tenant_id, organization_id, id),
        CONSTRAINT deal_owner_fkey FOREIGN KEY (tenant_id, owner_id) REFERENCES app_user (tenant_id, id)
      )`);
    const live = 'WHERE deleted_at IS NULL';
    await q.query(`CREATE INDEX deal_list_idx ON deal (tenant_id, organization_id, created_at DESC, id DESC) ${live}`);
    await q.query(
      `CREATE INDEX deal_stage_idx ON deal (tenant_id, organization_id, stage_id, created_at DESC, id DESC) ${live}`,
    );
    await q.query(
      `CREATE INDEX deal_pipeline_idx ON deal (tenant_id, organization_id, pipeline_id, created_at DESC, id DESC) ${live}`,
    );
    await q.query(
      `CREATE INDEX deal_owner_idx ON deal (tenant_id, organization_id, owner_id, created_at DESC, id DESC) ${live}`,
    );
    await q.query(
      `CREATE INDEX deal_contact_idx ON deal (tenant_id, organization_id, contact_id) ${live} AND contact_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX deal_customer_idx ON deal (tenant_id, organization_id, customer_id) ${live} AND customer_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX deal_title_trgm ON deal USING gin (lower(title) gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE deal_tag (
        tenant_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        deal_id uuid NOT NULL,
        tag_id uuid NOT NULL,
        PRIMARY KEY (tenant_id, organization_id, deal_id, tag_id),
        CONSTRAINT deal_tag_deal_fkey FOREIGN KEY (tenant_id, organization_id, deal_id)
          REFERENCES deal (tenant_id, organization_id, id) ON DELETE CASCADE,
        CONSTRAINT deal_tag_tag_fkey FOREIGN KEY (tenant_id, organization_id, tag_id)
          REFERENCES tag (tenant_id, organization_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX deal_tag_tag_id_idx ON deal_tag (tenant_id, organization_id, tag_id, deal_id)`);

    // Counted like contacts and customers: live rows per organization, and per facet value.
    await installCountedTable(q, DEAL_COUNTS);

    // Every live organization gets the default pipeline.
    await q.query(
      `WITH created AS (
         INSERT INTO pipeline (tenant_id, organization_id, name)
         SELECT tenant_id, id, 'Sales' FROM organization WHERE deleted_at IS NULL
         RETURNING id, tenant_id, organization_id
       )
       INSERT INTO pipeline_stage (tenant_id, organization_id, pipeline_id, name, position, probability, kind)
       SELECT created.tenant_id, created.organization_id, created.id, stage.name, stage.position, stage.probability, stage.kind
         FROM created CROSS JOIN jsonb_to_recordset($1::jsonb) AS stage(name text, position int, probability int, kind text)`,
      [
        JSON.stringify(
          DEFAULT_STAGES.map(([name, probability, kind], position) => ({ name, position, probability, kind })),
        ),
      ],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await uninstallCountedTable(q, DEAL_COUNTS);
    await q.query(`DROP TABLE IF EXISTS deal_tag`);
    await q.query(`DROP TABLE IF EXISTS deal`);
    await q.query(`DROP TABLE IF EXISTS pipeline_stage`);
    await q.query(`DROP TABLE IF EXISTS pipeline`);
    await q.query(`ALTER TABLE organization DROP CONSTRAINT organization_tenant_key`);
    await q.query(`ALTER TABLE organization DROP COLUMN require_lost_reason`);
  }
}
