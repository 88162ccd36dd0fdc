CREATE TABLE contact_facet_count (tenant_id uuid NOT NULL, organization_id uuid NOT NULL, contact_type text, status text, owner_id uuid, count bigint NOT NULL)
;
CREATE UNIQUE INDEX contact_facet_count_key ON contact_facet_count (tenant_id, organization_id, contact_type, status, owner_id) NULLS NOT DISTINCT
;

        CREATE FUNCTION track_contact_facet_count() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
          counted_before boolean := TG_OP <> 'INSERT' AND OLD.deleted_at IS NULL;
          counted_after boolean := TG_OP <> 'DELETE' AND NEW.deleted_at IS NULL;
        BEGIN
          IF counted_before AND counted_after AND ROW(OLD.tenant_id, OLD.organization_id, OLD.contact_type, lower(OLD.status), OLD.owner_id)::text > ROW(NEW.tenant_id, NEW.organization_id, NEW.contact_type, lower(NEW.status), NEW.owner_id)::text THEN
            INSERT INTO contact_facet_count AS counted (tenant_id, organization_id, contact_type, status, owner_id, count)
          VALUES (NEW.tenant_id, NEW.organization_id, NEW.contact_type, lower(NEW.status), NEW.owner_id, 1)
          ON CONFLICT (tenant_id, organization_id, contact_type, status, owner_id) DO UPDATE SET count = counted.count + 1;
            INSERT INTO contact_facet_count AS counted (tenant_id, organization_id, contact_type, status, owner_id, count)
          VALUES (OLD.tenant_id, OLD.organization_id, OLD.contact_type, lower(OLD.status), OLD.owner_id, -1)
          ON CONFLICT (tenant_id, organization_id, contact_type, status, owner_id) DO UPDATE SET count = counted.count + -1;
            RETURN NULL;
          END IF;
          IF counted_before THEN
            INSERT INTO contact_facet_count AS counted (tenant_id, organization_id, contact_type, status, owner_id, count)
          VALUES (OLD.tenant_id, OLD.organization_id, OLD.contact_type, lower(OLD.status), OLD.owner_id, -1)
          ON CONFLICT (tenant_id, organization_id, contact_type, status, owner_id) DO UPDATE SET count = counted.count + -1;
          END IF;
          IF counted_after THEN
            INSERT INTO contact_facet_count AS counted (tenant_id, organization_id, contact_type, status, owner_id, count)
          VALUES (NEW.tenant_id, NEW.organization_id, NEW.contact_type, lower(NEW.status), NEW.owner_id, 1)
          ON CONFLICT (tenant_id, organization_id, contact_type, status, owner_id) DO UPDATE SET count = counted.count + 1;
          END IF;
          RETURN NULL;
        END
        $$
;

        CREATE TRIGGER contact_facet_count_write AFTER INSERT OR DELETE ON contact
        FOR EACH ROW EXECUTE FUNCTION track_contact_facet_count()
;

        CREATE TRIGGER contact_facet_count_change AFTER UPDATE ON contact FOR EACH ROW
        WHEN ((OLD.deleted_at IS NULL) IS DISTINCT FROM (NEW.deleted_at IS NULL)
              OR ROW(OLD.tenant_id, OLD.organization_id, OLD.contact_type, lower(OLD.status), OLD.owner_id) IS DISTINCT FROM ROW(NEW.tenant_id, NEW.organization_id, NEW.contact_type, lower(NEW.status), NEW.owner_id))
        EXECUTE FUNCTION track_contact_facet_count()
;
CREATE TABLE customer_facet_count (tenant_id uuid NOT NULL, organization_id uuid NOT NULL, kind text, owner_id uuid, count bigint NOT NULL)
;
CREATE UNIQUE INDEX customer_facet_count_key ON customer_facet_count (tenant_id, organization_id, kind, owner_id) NULLS NOT DISTINCT
;

        CREATE FUNCTION track_customer_facet_count() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
          counted_before boolean := TG_OP <> 'INSERT' AND OLD.deleted_at IS NULL;
          counted_after boolean := TG_OP <> 'DELETE' AND NEW.deleted_at IS NULL;
        BEGIN
          IF counted_before AND counted_after AND ROW(OLD.tenant_id, OLD.organization_id, OLD.kind, OLD.owner_id)::text > ROW(NEW.tenant_id, NEW.organization_id, NEW.kind, NEW.owner_id)::text THEN
            INSERT INTO customer_facet_count AS counted (tenant_id, organization_id, kind, owner_id, count)
          VALUES (NEW.tenant_id, NEW.organization_id, NEW.kind, NEW.owner_id, 1)
          ON CONFLICT (tenant_id, organization_id, kind, owner_id) DO UPDATE SET count = counted.count + 1;
            INSERT INTO customer_facet_count AS counted (tenant_id, organization_id, kind, owner_id, count)
          VALUES (OLD.tenant_id, OLD.organization_id, OLD.kind, OLD.owner_id, -1)
          ON CONFLICT (tenant_id, organization_id, kind, owner_id) DO UPDATE SET count = counted.count + -1;
            RETURN NULL;
          END IF;
          IF counted_before THEN
            INSERT INTO customer_facet_count AS counted (tenant_id, organization_id, kind, owner_id, count)
          VALUES (OLD.tenant_id, OLD.organization_id, OLD.kind, OLD.owner_id, -1)
          ON CONFLICT (tenant_id, organization_id, kind, owner_id) DO UPDATE SET count = counted.count + -1;
          END IF;
          IF counted_after THEN
            INSERT INTO customer_facet_count AS counted (tenant_id, organization_id, kind, owner_id, count)
          VALUES (NEW.tenant_id, NEW.organization_id, NEW.kind, NEW.owner_id, 1)
          ON CONFLICT (tenant_id, organization_id, kind, owner_id) DO UPDATE SET count = counted.count + 1;
          END IF;
          RETURN NULL;
        END
        $$
;

        CREATE TRIGGER customer_facet_count_write AFTER INSERT OR DELETE ON customer
        FOR EACH ROW EXECUTE FUNCTION track_customer_facet_count()
;

        CREATE TRIGGER customer_facet_count_change AFTER UPDATE ON customer FOR EACH ROW
        WHEN ((OLD.deleted_at IS NULL) IS DISTINCT FROM (NEW.deleted_at IS NULL)
              OR ROW(OLD.tenant_id, OLD.organization_id, OLD.kind, OLD.owner_id) IS DISTINCT FROM ROW(NEW.tenant_id, NEW.organization_id, NEW.kind, NEW.owner_id))
        EXECUTE FUNCTION track_customer_facet_count()
;

      CREATE FUNCTION refresh_facet_counts() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM contact_facet_count;
        INSERT INTO contact_facet_count (tenant_id, organization_id, contact_type, status, owner_id, count)
          SELECT contact.tenant_id, contact.organization_id, contact.contact_type, lower(contact.status), contact.owner_id, count(*) FROM contact
           WHERE deleted_at IS NULL GROUP BY contact.tenant_id, contact.organization_id, contact.contact_type, lower(contact.status), contact.owner_id;
        DELETE FROM customer_facet_count;
        INSERT INTO customer_facet_count (tenant_id, organization_id, kind, owner_id, count)
          SELECT customer.tenant_id, customer.organization_id, customer.kind, customer.owner_id, count(*) FROM customer
           WHERE deleted_at IS NULL GROUP BY customer.tenant_id, customer.organization_id, customer.kind, customer.owner_id;
      END
      $$
;
SELECT refresh_facet_counts()