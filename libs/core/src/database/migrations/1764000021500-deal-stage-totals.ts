import type { MigrationInterface, QueryRunner } from 'typeorm';
import { refreshFacetCountSql } from '../counted-tables';
import { DEAL_COUNTS } from './1764000014000-pipelines-and-deals';

const KEY = 'tenant_id, organization_id, stage_id, currency';

/** Rebuilds `deal_stage_total` from the live deals (after a bulk load that bypassed the triggers). */
const REFRESH_STAGE_TOTALS = `
        DELETE FROM deal_stage_total;
        INSERT INTO deal_stage_total (${KEY}, deal_count, value, stage_probability_value, own_weighted_value)
          SELECT ${KEY}, count(*), sum(value),
                 coalesce(sum(value) FILTER (WHERE probability IS NULL), 0),
                 coalesce(sum(value * probability) FILTER (WHERE probability IS NOT NULL), 0)
            FROM deal WHERE deleted_at IS NULL GROUP BY ${KEY};`;

/**
 * The deal board's sums, kept per organization, stage and currency in the writing transaction
 * (`deal_stage_total`), so a board reads a handful of rows instead of summing every deal of the
 * pipeline. `value` is the sum of the live deals' values; the weighted value is
 * `(own_weighted_value + stage_probability_value × the stage's probability) / 100`, where
 * `stage_probability_value` sums the deals that take their stage's probability and
 * `own_weighted_value` sums value × probability of those with their own — so changing a stage's
 * probability needs no rewrite, and every figure stays an exact `numeric`. A deal moving between
 * two rows bumps them in key order (two opposite moves cannot deadlock); an update that changes
 * none of the summed columns fires nothing. `refresh_deal_facet_count()` (and so
 * `refresh_counts()`) rebuilds the table with the deal counters.
 */
export class DealStageTotals1764000021500 implements MigrationInterface {
  name = 'DealStageTotals1764000021500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE deal_stage_total (
        tenant_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        stage_id uuid NOT NULL,
        currency char(3) NOT NULL,
        deal_count bigint NOT NULL,
        value numeric NOT NULL,
        stage_probability_value numeric NOT NULL,
        own_weighted_value numeric NOT NULL,
        PRIMARY KEY (${KEY})
      )`);
    await q.query(`
      CREATE FUNCTION bump_deal_stage_total(d deal, delta integer) RETURNS void LANGUAGE sql AS $$
        INSERT INTO deal_stage_total AS total (${KEY}, deal_count, value, stage_probability_value, own_weighted_value)
        VALUES (d.tenant_id, d.organization_id, d.stage_id, d.currency, delta, delta * d.value,
                CASE WHEN d.probability IS NULL THEN delta * d.value ELSE 0 END,
                CASE WHEN d.probability IS NULL THEN 0 ELSE delta * d.value * d.probability END)
        ON CONFLICT (${KEY}) DO UPDATE SET
          deal_count = total.deal_count + EXCLUDED.deal_count,
          value = total.value + EXCLUDED.value,
          stage_probability_value = total.stage_probability_value + EXCLUDED.stage_probability_value,
          own_weighted_value = total.own_weighted_value + EXCLUDED.own_weighted_value
      $$`);
    await q.query(`
      CREATE FUNCTION track_deal_stage_total() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        counted_before boolean := TG_OP <> 'INSERT' AND OLD.deleted_at IS NULL;
        counted_after boolean := TG_OP <> 'DELETE' AND NEW.deleted_at IS NULL;
      BEGIN
        IF counted_before AND counted_after
           AND ROW(OLD.tenant_id, OLD.organization_id, OLD.stage_id, OLD.currency)::text
             > ROW(NEW.tenant_id, NEW.organization_id, NEW.stage_id, NEW.currency)::text THEN
          PERFORM bump_deal_stage_total(NEW, 1);
          PERFORM bump_deal_stage_total(OLD, -1);
          RETURN NULL;
        END IF;
        IF counted_before THEN PERFORM bump_deal_stage_total(OLD, -1); END IF;
        IF counted_after THEN PERFORM bump_deal_stage_total(NEW, 1); END IF;
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER deal_stage_total_write AFTER INSERT OR DELETE ON deal
      FOR EACH ROW EXECUTE FUNCTION track_deal_stage_total()`);
    await q.query(`
      CREATE TRIGGER deal_stage_total_change AFTER UPDATE ON deal FOR EACH ROW
      WHEN ((OLD.deleted_at IS NULL) IS DISTINCT FROM (NEW.deleted_at IS NULL)
            OR ROW(OLD.tenant_id, OLD.organization_id, OLD.stage_id, OLD.currency, OLD.value, OLD.probability)
               IS DISTINCT FROM ROW(NEW.tenant_id, NEW.organization_id, NEW.stage_id, NEW.currency, NEW.value, NEW.probability))
      EXECUTE FUNCTION track_deal_stage_total()`);
    await this.refreshFunction(q, REFRESH_STAGE_TOTALS);
    await q.query(`SELECT refresh_deal_facet_count()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await this.refreshFunction(q, '');
    await q.query(`DROP TRIGGER IF EXISTS deal_stage_total_change ON deal`);
    await q.query(`DROP TRIGGER IF EXISTS deal_stage_total_write ON deal`);
    await q.query(`DROP FUNCTION IF EXISTS track_deal_stage_total()`);
    await q.query(`DROP FUNCTION IF EXISTS bump_deal_stage_total(deal, integer)`);
    await q.query(`DROP TABLE IF EXISTS deal_stage_total`);
  }

  /** `refresh_deal_facet_count()` as migration 1764000014000 made it, plus `extra`. */
  private async refreshFunction(q: QueryRunner, extra: string): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION refresh_deal_facet_count() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        ${refreshFacetCountSql(DEAL_COUNTS)}
        ${extra}
      END
      $$`);
  }
}
