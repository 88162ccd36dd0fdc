/**
 * The SQL the API issues, statement for statement, copied from its query log
 * (`npm run bench -- --capture-sql` prints it with parameters; every bench run captures it
 * again and reports in its results any statement the API issues that is not here). The
 * same-SQL floor runs exactly these statements, in the API's order and round trips.
 *
 * Keep the text as logged: the drift check compares it with whitespace collapsed. The contact
 * statements share their select lists, relations and totals, so those are written once below
 * and composed; the composed text is the logged text.
 * Captured 2026-11-24 from the working tree, after "Read a list page, its relations and its total
 * in one statement": a list page is one statement (the rows, their customer and tags as JSON
 * columns, the total as a scalar subquery: `record_count` unfiltered, a capped count filtered),
 * and so are a contact's detail and the reload after a create. Re-synced the same day after
 * "Read only the columns a portal contact shows": the portal lists select 17 contact columns,
 * and after "Count contacts and customers per kind, status and owner": the filtered list's total
 * sums `contact_facet_count`. Re-synced 2026-12-03 after "Make link rows carry their tenant and
 * organization": the tags subquery probes `contact_tag` by tenant, organization and contact.
 * Re-synced 2026-12-04 after issue 21: a searched list forgives a typo (`<%` in a transaction
 * that sets the threshold) and ranks exact, prefix and contains matches first; the detail reads
 * the contact's open deals. Re-synced 2026-12-04 for the sales scenarios (issue 21): the deal
 * board, the deal list by stage and owner, and the contact timeline; then after "Read the deal
 * board in the pipeline's organization": its sums and pages name the organization by equality.
 */

/**
 * libs/core/src/auth/actor-loader.ts: the actor's memberships. The API caches them briefly, so
 * a warm request seldom issues it; the same-SQL floor runs it once per session and 30 s likewise.
 */
export const ACTOR_SQL = `SELECT m.organization_id, r.grants, o.crm_enabled, s.expires_at
         FROM auth_session s
         JOIN app_user u ON u.id = s.user_id AND u.tenant_id = s.tenant_id
                        AND u.is_active AND u.deleted_at IS NULL
         LEFT JOIN membership m ON m.tenant_id = u.tenant_id AND m.user_id = u.id AND m.deleted_at IS NULL
         LEFT JOIN role r ON r.id = m.role_id
         LEFT JOIN organization o ON o.id = m.organization_id AND o.deleted_at IS NULL
        WHERE s.id = $1 AND s.user_id = $2 AND s.tenant_id = $3
          AND s.revoked_at IS NULL AND s.expires_at > now()`;

export const START_TRANSACTION = 'START TRANSACTION';
export const COMMIT = 'COMMIT';

/** Contact columns as TypeORM selects them: `"<alias>"."<column>" AS "<alias>_<column>"`. */
function contactColumns(alias: string, columns: readonly string[]): string {
  return columns.map((column) => `"${alias}"."${column}" AS "${alias}_${column}"`).join(', ');
}

/** Every contact column, as a single contact is read. */
const ALL_COLUMNS = [
  'id',
  'tenant_id',
  'created_at',
  'updated_at',
  'deleted_at',
  'created_by',
  'updated_by',
  'version',
  'organization_id',
  'name',
  'first_name',
  'last_name',
  'primary_email',
  'primary_phone',
  'job_title',
  'contact_type',
  'status',
  'customer_id',
  'owner_id',
  'image_url',
  'budget',
  'budget_type',
  'notes',
  'marketing_opt_out',
  'is_active',
];

/**
 * The 17 columns the portal lists read (`PORTAL_CONTACT_COLUMNS`): every column but these, in
 * the same order.
 */
const PORTAL_OMITTED = new Set([
  'tenant_id',
  'deleted_at',
  'created_by',
  'updated_by',
  'image_url',
  'budget',
  'budget_type',
  'notes',
]);
const PORTAL_COLUMNS = ALL_COLUMNS.filter((column) => !PORTAL_OMITTED.has(column));

/** The customer and tags JSON columns (`customerSummarySql`, `tagSummariesSql`) of a contact alias. */
function contactRelations(alias: string): string {
  return `(SELECT json_build_object('id', summary_customer.id, 'name', summary_customer.name,
                                   'primaryDomain', summary_customer.primary_domain,
                                   'logoUrl', summary_customer.logo_url)
             FROM customer summary_customer
            WHERE summary_customer.id = "${alias}".customer_id AND summary_customer.tenant_id = "${alias}".tenant_id
              AND summary_customer.deleted_at IS NULL) AS "relation_customer", (SELECT coalesce(json_agg(json_build_object('id', record_tag.id, 'name', record_tag.name,
                                                    'color', record_tag.color)
                                  ORDER BY record_tag.name, record_tag.id), '[]'::json)
             FROM contact_tag record_link
             JOIN tag record_tag ON record_tag.id = record_link.tag_id AND record_tag.deleted_at IS NULL
                                 AND record_tag.tenant_id = "${alias}".tenant_id
            WHERE record_link.tenant_id = "${alias}".tenant_id AND record_link.organization_id = "${alias}".organization_id
              AND record_link.contact_id = "${alias}".id) AS "relation_tags"`;
}

/** `record_count`: the unfiltered list's live total. */
const LIVE_TOTAL = `(SELECT coalesce(sum(record_count.count), 0) FROM record_count
           WHERE record_count.tenant_id = $1
             AND record_count.organization_id = ANY($2)
             AND record_count.entity = $3) AS "page_total"`;

/** The total of a list narrowed by kind + status + owner: the counters of those values. */
const FACET_TOTAL = `(SELECT coalesce(sum(facet.count), 0) FROM contact_facet_count facet
           WHERE facet.tenant_id = $1
             AND facet.organization_id = ANY($2)
             AND facet.contact_type = $3 AND facet.status = lower($4) AND facet.owner_id = $5) AS "page_total"`;

/** A searched list's total: the same filter, counted up to 10,001 rows. */
function cappedTotal(where: string): string {
  return `(SELECT count(*) FROM (SELECT 1 FROM "contact" "contact" WHERE ${where} LIMIT 10001) capped) AS "page_total"`;
}

/** A portal list page: its columns, relations and total, 26 rows newest first. */
function portalPage(total: string, where: string): string {
  return `SELECT ${contactColumns('contact', PORTAL_COLUMNS)}, ${contactRelations('contact')}, ${total} FROM "contact" "contact" WHERE ${where} ORDER BY "contact_created_at" DESC, "contact_id" DESC LIMIT 26 OFFSET 0`;
}

/** One contact by id, every column and its relations (`findContactRow`). */
function contactById(organizationCondition: string): string {
  return `SELECT ${contactColumns('row', ALL_COLUMNS)}, ${contactRelations('row')} FROM "contact" "row" WHERE ( "row"."tenant_id" = $1 AND "row"."organization_id" ${organizationCondition} AND "row"."id" = $3 ) AND ( "row"."deleted_at" IS NULL )`;
}

const FILTERED_WHERE = `( "contact"."tenant_id" = $6 AND "contact"."organization_id" = $7 AND "contact"."contact_type" = $8 AND lower("contact"."status") = lower($9) AND "contact"."owner_id" = $10 ) AND ( "contact"."deleted_at" IS NULL )`;

/**
 * A searched list's filter (`contactSearch`): the text contains `q` or resembles it within a
 * typo (`<%`, at the threshold its transaction sets), or the company's does.
 */
const SEARCH_WHERE = `( "contact"."tenant_id" = $5 AND "contact"."organization_id" = $6 AND ((("contact"."search_text" LIKE $4 OR $1 <% "contact"."search_text") OR "contact"."customer_id" = ANY(ARRAY(
          SELECT q_customer.id FROM customer q_customer
           WHERE q_customer.tenant_id = $7 AND q_customer.deleted_at IS NULL
             AND (lower(q_customer.name || ' ' || coalesce(q_customer.primary_domain, '')) LIKE $4 OR $1 <% lower(q_customer.name || ' ' || coalesce(q_customer.primary_domain, ''))))))) ) AND ( "contact"."deleted_at" IS NULL )`;

/** A searched list's rank (`listSearch`): exact name or e-mail 0, prefix 1, contains 2, typo only 3. */
const SEARCH_RANK = `(CASE WHEN lower("contact"."name") = $1 OR lower("contact"."primary_email") = $1 THEN 0 WHEN "contact"."search_text" LIKE $2 OR lower("contact"."primary_email") LIKE $2 OR "contact"."search_text" LIKE $3 THEN 1 WHEN "contact"."search_text" LIKE $4 THEN 2 ELSE 3 END) AS "page_rank"`;

/** `readTypoTolerant`: the search's word-similarity threshold, for its transaction only. */
export const SET_TYPO_THRESHOLD_SQL = 'SELECT set_config($1, $2, true)';

export const CONTACT_PAGE_SQL = portalPage(
  LIVE_TOTAL,
  `( "contact"."tenant_id" = $4 AND "contact"."organization_id" = $5 ) AND ( "contact"."deleted_at" IS NULL )`,
);
export const FILTERED_PAGE_SQL = portalPage(FACET_TOTAL, FILTERED_WHERE);
export const CURSOR_PAGE_SQL = portalPage(
  LIVE_TOTAL,
  `( "contact"."tenant_id" = $4 AND "contact"."organization_id" = $5 AND ("contact"."created_at", "contact"."id") < ($6, $7) ) AND ( "contact"."deleted_at" IS NULL )`,
);
export const SEARCH_PAGE_SQL = `SELECT ${contactColumns('contact', PORTAL_COLUMNS)}, ${contactRelations('contact')}, ${SEARCH_RANK}, ${cappedTotal(SEARCH_WHERE)} FROM "contact" "contact" WHERE ${SEARCH_WHERE} ORDER BY "page_rank" ASC, "contact_created_at" DESC, "contact_id" DESC LIMIT 26 OFFSET 0`;
export const CONTACT_BY_ID_SQL = contactById('= ANY($2)');

/** Deal columns as TypeORM selects them. */
const DEAL_COLUMNS = [
  'id',
  'tenant_id',
  'created_at',
  'updated_at',
  'deleted_at',
  'created_by',
  'updated_by',
  'version',
  'organization_id',
  'title',
  'value',
  'currency',
  'expected_close_date',
  'pipeline_id',
  'stage_id',
  'contact_id',
  'customer_id',
  'owner_id',
  'probability',
  'status',
  'closed_at',
  'lost_reason',
  'stage_changed_at',
]
  .map((column) => `"deal"."${column}" AS "deal_${column}"`)
  .join(', ');

/** A deal with its stage and tags as JSON columns (`selectDealView`). */
const DEAL_VIEW = `${DEAL_COLUMNS}, (SELECT json_build_object('id', view_stage.id, 'name', view_stage.name, 'kind', view_stage.kind,
                                   'position', view_stage.position, 'probability', view_stage.probability,
                                   'rottenAfterDays', view_stage.rotten_after_days)
             FROM pipeline_stage view_stage
            WHERE view_stage.id = "deal".stage_id AND view_stage.tenant_id = "deal".tenant_id) AS "view_stage", (SELECT coalesce(json_agg(json_build_object('id', record_tag.id, 'name', record_tag.name,
                                                    'color', record_tag.color)
                                  ORDER BY record_tag.name, record_tag.id), '[]'::json)
             FROM deal_tag record_link
             JOIN tag record_tag ON record_tag.id = record_link.tag_id AND record_tag.deleted_at IS NULL
                                AND record_tag.tenant_id = "deal".tenant_id
            WHERE record_link.tenant_id = "deal".tenant_id AND record_link.organization_id = "deal".organization_id
              AND record_link.deal_id = "deal".id) AS "view_tags"`;

/** The contact detail's `openDeals` section (`deal-open-deals-section.ts`): its open deals with stage and tags. */
export const OPEN_DEALS_SQL = `SELECT ${DEAL_VIEW} FROM "deal" "deal" WHERE ( "deal"."tenant_id" = $1 AND "deal"."organization_id" = ANY($2) AND "deal"."organization_id" = $3 AND "deal"."contact_id" = $4 AND "deal"."status" = 'OPEN' ) AND ( "deal"."deleted_at" IS NULL ) ORDER BY "deal"."created_at" DESC, "deal"."id" DESC LIMIT 20`;

/** `deal_facet_count` summed over the facets a deal list is narrowed by (`countedTotal`). */
function dealFacetTotal(conditions: string): string {
  return `(SELECT coalesce(sum(facet.count), 0) FROM deal_facet_count facet
           WHERE facet.tenant_id = $1
             AND facet.organization_id = ANY($2)
             AND ${conditions}) AS "page_total"`;
}

/** A page of deals (`paginate` over `selectDealView`): 21 rows (the board's page of 20) or 26 (a list's 25). */
function dealPage(total: string, where: string, limit: number): string {
  return `SELECT ${DEAL_VIEW}, ${total} FROM "deal" "deal" WHERE ${where} AND ( "deal"."deleted_at" IS NULL ) ORDER BY "deal"."created_at" DESC, "deal"."id" DESC LIMIT ${limit} OFFSET 0`;
}

/** `GET /api/deals/board`: the pipeline (`findOneOrFail`). */
export const BOARD_PIPELINE_SQL = `SELECT "row"."id" AS "row_id", "row"."tenant_id" AS "row_tenant_id", "row"."created_at" AS "row_created_at", "row"."updated_at" AS "row_updated_at", "row"."deleted_at" AS "row_deleted_at", "row"."created_by" AS "row_created_by", "row"."updated_by" AS "row_updated_by", "row"."version" AS "row_version", "row"."organization_id" AS "row_organization_id", "row"."name" AS "row_name" FROM "pipeline" "row" WHERE ( "row"."tenant_id" = $1 AND "row"."organization_id" = ANY($2) AND "row"."id" = $3 ) AND ( "row"."deleted_at" IS NULL )`;

/** Its stages in order (`loadPipelineStages`). */
export const BOARD_STAGES_SQL = `SELECT "stage"."id" AS "stage_id", "stage"."tenant_id" AS "stage_tenant_id", "stage"."created_at" AS "stage_created_at", "stage"."updated_at" AS "stage_updated_at", "stage"."deleted_at" AS "stage_deleted_at", "stage"."created_by" AS "stage_created_by", "stage"."updated_by" AS "stage_updated_by", "stage"."version" AS "stage_version", "stage"."organization_id" AS "stage_organization_id", "stage"."pipeline_id" AS "stage_pipeline_id", "stage"."name" AS "stage_name", "stage"."position" AS "stage_position", "stage"."probability" AS "stage_probability", "stage"."kind" AS "stage_kind", "stage"."rotten_after_days" AS "stage_rotten_after_days" FROM "pipeline_stage" "stage" WHERE ( "stage"."tenant_id" = $1 AND "stage"."organization_id" = ANY($2) AND "stage"."pipeline_id" = ANY($3) ) AND ( "stage"."deleted_at" IS NULL ) ORDER BY "stage"."position" ASC, "stage"."id" ASC`;

/** The pipeline's sums per stage and currency, from the counters (`deal_stage_total`). */
export const BOARD_TOTALS_SQL = `SELECT "stage"."id" AS "stageId", total.currency AS "currency", total.deal_count::int AS "dealCount", total.value::text AS "value", ((total.own_weighted_value + total.stage_probability_value * "stage"."probability") * 0.01)::text AS "weightedValue" FROM "pipeline_stage" "stage" INNER JOIN "deal_stage_total" "total" ON total.tenant_id = "stage"."tenant_id" AND total.organization_id = "stage"."organization_id" AND total.stage_id = "stage"."id" WHERE ( "stage"."tenant_id" = $1 AND "stage"."organization_id" = ANY($2) AND "stage"."pipeline_id" = $3 AND total.deal_count > 0 ) AND ( "stage"."deleted_at" IS NULL ) ORDER BY total.currency ASC`;

/** Each stage's first page (in the pipeline's organization) with its count from the counters, one stage after the other. */
export const BOARD_STAGE_PAGE_SQL = dealPage(
  dealFacetTotal('facet.stage_id = $3'),
  `( "deal"."tenant_id" = $4 AND "deal"."organization_id" = ANY($5) AND "deal"."organization_id" = $6 AND "deal"."stage_id" = $7 )`,
  21,
);

/** `GET /api/deals?organizationId=&stageId=&ownerId=`: the page, its stage and owner counters as the total. */
export const DEAL_LIST_SQL = dealPage(
  dealFacetTotal('facet.stage_id = $3 AND facet.owner_id = $4'),
  `( "deal"."tenant_id" = $5 AND "deal"."organization_id" = $6 AND "deal"."stage_id" = $7 AND "deal"."owner_id" = $8 )`,
  26,
);

/** `GET /api/crm/contacts/:id/timeline`: the contact (`findContactRow` without relations). */
export const TIMELINE_CONTACT_SQL = `SELECT ${contactColumns('row', ALL_COLUMNS)} FROM "contact" "row" WHERE ( "row"."tenant_id" = $1 AND "row"."organization_id" = ANY($2) AND "row"."id" = $3 ) AND ( "row"."deleted_at" IS NULL )`;

/** The `activities` source: the contact's activities by (completed or created, id), 21 of them. */
export const TIMELINE_ACTIVITIES_SQL = `SELECT "activity"."id" AS "activity_id", "activity"."tenant_id" AS "activity_tenant_id", "activity"."created_at" AS "activity_created_at", "activity"."updated_at" AS "activity_updated_at", "activity"."deleted_at" AS "activity_deleted_at", "activity"."created_by" AS "activity_created_by", "activity"."updated_by" AS "activity_updated_by", "activity"."version" AS "activity_version", "activity"."organization_id" AS "activity_organization_id", "activity"."type" AS "activity_type", "activity"."subject" AS "activity_subject", "activity"."body" AS "activity_body", "activity"."due_at" AS "activity_due_at", "activity"."completed_at" AS "activity_completed_at", "activity"."owner_id" AS "activity_owner_id", "activity"."deal_id" AS "activity_deal_id", "activity"."customer_id" AS "activity_customer_id", (SELECT coalesce(json_agg(view_link.contact_id ORDER BY view_link.contact_id), '[]'::json)
             FROM activity_contact view_link
             JOIN contact view_contact ON view_contact.id = view_link.contact_id AND view_contact.deleted_at IS NULL
            WHERE view_link.tenant_id = "activity".tenant_id AND view_link.organization_id = "activity".organization_id
              AND view_link.activity_id = "activity".id) AS "view_contact_ids" FROM "activity" "activity" WHERE ( "activity"."tenant_id" = $1 AND "activity"."organization_id" = ANY($2) AND "activity"."organization_id" = $3 AND EXISTS (SELECT 1 FROM activity_contact subject_link
                WHERE subject_link.tenant_id = "activity".tenant_id AND subject_link.organization_id = "activity".organization_id
              AND subject_link.activity_id = "activity".id AND subject_link.contact_id = $4) ) AND ( "activity"."deleted_at" IS NULL ) ORDER BY coalesce("activity".completed_at, "activity".created_at) DESC, "activity"."id" DESC LIMIT 21`;

/** The `notes` source. */
export const TIMELINE_NOTES_SQL = `SELECT "note"."id" AS "note_id", "note"."tenant_id" AS "note_tenant_id", "note"."created_at" AS "note_created_at", "note"."updated_at" AS "note_updated_at", "note"."deleted_at" AS "note_deleted_at", "note"."created_by" AS "note_created_by", "note"."updated_by" AS "note_updated_by", "note"."version" AS "note_version", "note"."organization_id" AS "note_organization_id", "note"."body" AS "note_body", "note"."author_id" AS "note_author_id", "note"."contact_id" AS "note_contact_id", "note"."customer_id" AS "note_customer_id", "note"."deal_id" AS "note_deal_id" FROM "note" "note" WHERE ( "note"."tenant_id" = $1 AND "note"."organization_id" = ANY($2) AND "note"."organization_id" = $3 AND "note"."contact_id" = $4 ) AND ( "note"."deleted_at" IS NULL ) ORDER BY "note"."created_at" DESC, "note"."id" DESC LIMIT 21`;

/** The contact detail's `recentActivities` and `notes` sections: the timeline sources' reads, ten rows each. */
export const DETAIL_ACTIVITIES_SQL = TIMELINE_ACTIVITIES_SQL.replace(/LIMIT 21$/, 'LIMIT 10');
export const DETAIL_NOTES_SQL = TIMELINE_NOTES_SQL.replace(/LIMIT 21$/, 'LIMIT 10');

const AUDIT_COLUMNS = `"audit"."id" AS "audit_id", "audit"."tenant_id" AS "audit_tenant_id", "audit"."organization_id" AS "audit_organization_id", "audit"."actor_type" AS "audit_actor_type", "audit"."actor_id" AS "audit_actor_id", "audit"."action" AS "audit_action", "audit"."entity" AS "audit_entity", "audit"."entity_id" AS "audit_entity_id", "audit"."before" AS "audit_before", "audit"."after" AS "audit_after", "audit"."request_id" AS "audit_request_id", "audit"."created_at" AS "audit_created_at"`;

/** The `stage_change` source: the audit entries of the contact's deals' stage moves. */
export const TIMELINE_STAGE_CHANGES_SQL = `SELECT ${AUDIT_COLUMNS}, (SELECT timeline_stage.name FROM pipeline_stage timeline_stage
            WHERE timeline_stage.id = ("audit"."before" ->> 'stageId')::uuid AND timeline_stage.tenant_id = "audit"."tenant_id") AS "stage_before_name", (SELECT timeline_stage.name FROM pipeline_stage timeline_stage
            WHERE timeline_stage.id = ("audit"."after" ->> 'stageId')::uuid AND timeline_stage.tenant_id = "audit"."tenant_id") AS "stage_after_name" FROM "audit_entry" "audit" WHERE "audit"."tenant_id" = $1 AND "audit"."organization_id" = ANY($2) AND "audit"."organization_id" = $3 AND "audit"."entity" = 'deal' AND "audit"."entity_id" IN (SELECT "timeline_deal"."id" AS "timeline_deal_id" FROM "deal" "timeline_deal" WHERE ( "timeline_deal"."tenant_id" = $1 AND "timeline_deal"."organization_id" = ANY($2) AND "timeline_deal"."contact_id" = $4 ) AND ( "timeline_deal"."deleted_at" IS NULL )) AND "audit"."action" = ANY($5) ORDER BY "audit"."created_at" DESC, "audit"."id" DESC LIMIT 21`;

/** The `field_change` source: the contact's own updates that changed a field worth showing. */
export const TIMELINE_FIELD_CHANGES_SQL = `SELECT ${AUDIT_COLUMNS} FROM "audit_entry" "audit" WHERE "audit"."tenant_id" = $1 AND "audit"."organization_id" = ANY($2) AND "audit"."organization_id" = $3 AND "audit"."entity" = $4 AND "audit"."entity_id" = $5 AND "audit"."action" = $6 AND EXISTS (SELECT 1 FROM jsonb_each("audit"."after") field_after
                    WHERE field_after.key <> ALL($7)
                      AND field_after.value IS DISTINCT FROM "audit"."before" -> field_after.key) ORDER BY "audit"."created_at" DESC, "audit"."id" DESC LIMIT 21`;

export const CREATE_ORGANIZATION_SQL = `SELECT "row"."id" AS "row_id", "row"."tenant_id" AS "row_tenant_id", "row"."created_at" AS "row_created_at", "row"."updated_at" AS "row_updated_at", "row"."deleted_at" AS "row_deleted_at", "row"."created_by" AS "row_created_by", "row"."updated_by" AS "row_updated_by", "row"."version" AS "row_version", "row"."name" AS "row_name", "row"."crm_enabled" AS "row_crm_enabled", "row"."contact_statuses" AS "row_contact_statuses", "row"."default_currency" AS "row_default_currency", "row"."invoice_prefix" AS "row_invoice_prefix", "row"."require_lost_reason" AS "row_require_lost_reason" FROM "organization" "row" WHERE ( "row"."tenant_id" = $1 AND "row"."id" = $2 AND "row"."id" = $3 ) AND ( "row"."deleted_at" IS NULL )`;

export const CREATE_EMAIL_TAKEN_SQL = `SELECT "contact"."id" AS "contact_id" FROM "contact" "contact" WHERE ( "contact"."tenant_id" = $1 AND "contact"."organization_id" = $2 AND "contact"."organization_id" = $3 AND lower("contact"."primary_email") = lower($4) ) AND ( "contact"."deleted_at" IS NULL )`;

export const CREATE_OWNER_MEMBERSHIP_SQL = `SELECT "membership"."id" AS "membership_id", "membership"."tenant_id" AS "membership_tenant_id", "membership"."created_at" AS "membership_created_at", "membership"."updated_at" AS "membership_updated_at", "membership"."deleted_at" AS "membership_deleted_at", "membership"."created_by" AS "membership_created_by", "membership"."updated_by" AS "membership_updated_by", "membership"."version" AS "membership_version", "membership"."organization_id" AS "membership_organization_id", "membership"."user_id" AS "membership_user_id", "membership"."role_id" AS "membership_role_id", "user"."id" AS "user_id", "user"."tenant_id" AS "user_tenant_id", "user"."created_at" AS "user_created_at", "user"."updated_at" AS "user_updated_at", "user"."deleted_at" AS "user_deleted_at", "user"."created_by" AS "user_created_by", "user"."updated_by" AS "user_updated_by", "user"."version" AS "user_version", "user"."email" AS "user_email", "user"."first_name" AS "user_first_name", "user"."last_name" AS "user_last_name", "user"."is_active" AS "user_is_active" FROM "membership" "membership" INNER JOIN "app_user" "user" ON "user"."id"="membership"."user_id" AND ("user"."deleted_at" IS NULL) WHERE ( "membership"."tenant_id" = $1 AND "membership"."organization_id" = $2 AND "membership"."organization_id" = $3 AND "membership"."user_id" = ANY($4) ) AND ( "membership"."deleted_at" IS NULL )`;

export const CREATE_INSERT_SQL = `INSERT INTO "contact"("id", "tenant_id", "created_at", "updated_at", "deleted_at", "created_by", "updated_by", "version", "organization_id", "name", "first_name", "last_name", "primary_email", "primary_phone", "job_title", "contact_type", "status", "customer_id", "owner_id", "image_url", "budget", "budget_type", "notes", "marketing_opt_out", "is_active") VALUES (DEFAULT, $1, DEFAULT, DEFAULT, DEFAULT, $2, $3, 1, $4, $5, $6, $7, $8, DEFAULT, DEFAULT, $9, $10, DEFAULT, $11, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT) RETURNING "id", "created_at", "updated_at", "deleted_at", "version", "contact_type", "marketing_opt_out", "is_active"`;

/** `Transaction.publish`: the audit entry and the outbox event of a change, in one statement. */
export const PUBLISH_EVENT_SQL = `WITH audit AS (
         INSERT INTO audit_entry (tenant_id, organization_id, actor_type, actor_id, action, entity, entity_id, before, after, request_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       )
       INSERT INTO outbox_event (id, tenant_id, organization_id, type, version, entity, entity_id, data, previous, changed_fields, actor_type, actor_id, request_id)
       VALUES ($11, $1, $2, $5, $12, $6, $7, $9, $8, $13, $3, $4, $10)`;

/** `Transaction.audit`: an audit-only security entry (a login), no outbox event. */
export const AUDIT_ONLY_SQL = `INSERT INTO audit_entry (tenant_id, organization_id, actor_type, actor_id, action, entity, entity_id, before, after, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, $8, $9)`;

export const CREATED_BY_ID_SQL = contactById('= $2');
/**
 * `LoginThrottle.begin`: a login attempt is counted as pending before the password is checked
 * (no row back: locked, or too many attempts in flight). Parameters: the e-mail's hash, the
 * failure limit, the failure window and the pending window in seconds.
 */
export const LOGIN_PENDING_SQL = `INSERT INTO login_lockout AS l (email_hash, failed_count, window_started_at, pending_count, pending_since)
       VALUES ($1, 0, now(), 1, now())
       ON CONFLICT (email_hash) DO UPDATE
          SET failed_count = CASE WHEN l.locked_until <= now() THEN 0
                         WHEN l.window_started_at > now() - make_interval(secs => $3) THEN l.failed_count
                         ELSE 0 END,
              window_started_at = CASE WHEN CASE WHEN l.locked_until <= now() THEN 0
                         WHEN l.window_started_at > now() - make_interval(secs => $3) THEN l.failed_count
                         ELSE 0 END = 0 THEN now() ELSE l.window_started_at END,
              pending_count = CASE WHEN l.pending_since > now() - make_interval(secs => $4) THEN l.pending_count ELSE 0 END + 1,
              pending_since = now(),
              locked_until = NULL
        WHERE (l.locked_until IS NULL OR l.locked_until <= now()) AND CASE WHEN l.locked_until <= now() THEN 0
                         WHEN l.window_started_at > now() - make_interval(secs => $3) THEN l.failed_count
                         ELSE 0 END + CASE WHEN l.pending_since > now() - make_interval(secs => $4) THEN l.pending_count ELSE 0 END < $2
       RETURNING 1`;

export const LOGIN_FIND_USER_SQL = `SELECT "user"."id" AS "user_id", "user"."tenant_id" AS "user_tenant_id", "user"."created_at" AS "user_created_at", "user"."updated_at" AS "user_updated_at", "user"."deleted_at" AS "user_deleted_at", "user"."created_by" AS "user_created_by", "user"."updated_by" AS "user_updated_by", "user"."version" AS "user_version", "user"."email" AS "user_email", "user"."first_name" AS "user_first_name", "user"."last_name" AS "user_last_name", "user"."is_active" AS "user_is_active", "user"."password_hash" AS "user_password_hash" FROM "app_user" "user" WHERE ( lower("user"."email") = lower($1) ) AND ( "user"."deleted_at" IS NULL )`;

export const LOGIN_MFA_SQL = `SELECT "mfa"."user_id" AS "mfa_user_id", "mfa"."tenant_id" AS "mfa_tenant_id", "mfa"."enabled_at" AS "mfa_enabled_at", "mfa"."last_time_step" AS "mfa_last_time_step", "mfa"."created_at" AS "mfa_created_at", "mfa"."updated_at" AS "mfa_updated_at", "mfa"."secret_encrypted" AS "mfa_secret_encrypted" FROM "user_mfa" "mfa" WHERE "mfa"."user_id" = $1 AND "mfa"."enabled_at" IS NOT NULL`;

export const LOGIN_CLEAR_LOCKOUT_SQL = `DELETE FROM login_lockout WHERE email_hash = $1`;

export const LOGIN_INSERT_SESSION_SQL = `INSERT INTO "auth_session"("id", "tenant_id", "user_id", "created_at", "last_used_at", "expires_at", "revoked_at", "revoked_reason", "user_agent", "ip") VALUES (DEFAULT, $1, $2, DEFAULT, $3, $4, $5, $6, $7, $8) RETURNING "id", "created_at"`;

export const LOGIN_INSERT_REFRESH_TOKEN_SQL = `INSERT INTO "refresh_token"("id", "session_id", "token_hash", "created_at", "retired_at") VALUES (DEFAULT, $1, $2, DEFAULT, DEFAULT) RETURNING "id", "created_at"`;

/** `GET /api/events`: how far retention has deleted (`OutboxFeed.purgedThrough`). */
export const FEED_PURGED_SQL = `SELECT purged_through::text AS purged_through FROM outbox_retention`;

/** The page of events after a sequence, of the (entity, organization) pairs the reader may see (`OutboxFeed.read`). */
export const FEED_PAGE_SQL = `SELECT outbox_event.id, outbox_event.sequence::text AS sequence, outbox_event.type, outbox_event.version, outbox_event.occurred_at, outbox_event.tenant_id, outbox_event.organization_id, outbox_event.entity, outbox_event.entity_id, outbox_event.actor_type, outbox_event.actor_id, outbox_event.request_id, outbox_event.data, outbox_event.previous, outbox_event.changed_fields
         FROM outbox_event
        WHERE tenant_id = $1 AND outbox_event.sequence > $2
          AND ($4::text[] IS NULL OR type LIKE ANY($4::text[]))
          AND ($5::text[] IS NULL
               OR (entity, organization_id) IN (SELECT * FROM unnest($5::text[], $6::uuid[])))
        -- The column, not the text alias of the same name (which would sort '10' before '9').
        ORDER BY outbox_event.sequence
        LIMIT $3`;

/** `GET /api/tickets?organizationId=&status=&assigneeId=`: the page, its status and assignee counters as the total. */
export const TICKET_LIST_SQL = `SELECT "ticket"."id" AS "ticket_id", "ticket"."tenant_id" AS "ticket_tenant_id", "ticket"."created_at" AS "ticket_created_at", "ticket"."updated_at" AS "ticket_updated_at", "ticket"."deleted_at" AS "ticket_deleted_at", "ticket"."created_by" AS "ticket_created_by", "ticket"."updated_by" AS "ticket_updated_by", "ticket"."version" AS "ticket_version", "ticket"."organization_id" AS "ticket_organization_id", "ticket"."title" AS "ticket_title", "ticket"."description" AS "ticket_description", "ticket"."status" AS "ticket_status", "ticket"."priority" AS "ticket_priority", "ticket"."customer_id" AS "ticket_customer_id", "ticket"."assignee_id" AS "ticket_assignee_id", "ticket"."resolved_at" AS "ticket_resolved_at", "ticket"."closed_at" AS "ticket_closed_at", "ticket"."first_response_due_at" AS "ticket_first_response_due_at", "ticket"."resolution_due_at" AS "ticket_resolution_due_at", "ticket"."inbound_message_id" AS "ticket_inbound_message_id", (SELECT coalesce(json_agg(json_build_object('id', record_tag.id, 'name', record_tag.name,
                                                    'color', record_tag.color)
                                  ORDER BY record_tag.name, record_tag.id), '[]'::json)
             FROM ticket_tag record_link
             JOIN tag record_tag ON record_tag.id = record_link.tag_id AND record_tag.deleted_at IS NULL
                                AND record_tag.tenant_id = "ticket".tenant_id
            WHERE record_link.tenant_id = "ticket".tenant_id AND record_link.organization_id = "ticket".organization_id
              AND record_link.ticket_id = "ticket".id) AS "view_tags", (SELECT coalesce(json_agg(json_build_object('id', linked_contact.id, 'name', linked_contact.name,
                                                    'email', linked_contact.primary_email)
                                  ORDER BY linked_contact.name, linked_contact.id), '[]'::json)
             FROM ticket_contact contact_link
             JOIN contact linked_contact ON linked_contact.id = contact_link.contact_id
                                        AND linked_contact.deleted_at IS NULL
                                        AND linked_contact.tenant_id = "ticket".tenant_id
            WHERE contact_link.tenant_id = "ticket".tenant_id AND contact_link.organization_id = "ticket".organization_id
              AND contact_link.ticket_id = "ticket".id) AS "view_contacts", (SELECT min(response.created_at) FROM ticket_comment response
            WHERE response.tenant_id = "ticket".tenant_id AND response.organization_id = "ticket".organization_id
              AND response.ticket_id = "ticket".id AND response.author_id IS NOT NULL
              AND response.deleted_at IS NULL) AS "view_first_response", (SELECT coalesce(sum(facet.count), 0) FROM ticket_facet_count facet
           WHERE facet.tenant_id = $1
             AND facet.organization_id = ANY($2)
             AND facet.status = $3 AND facet.assignee_id = $4) AS "page_total" FROM "ticket" "ticket" WHERE ( "ticket"."tenant_id" = $5 AND "ticket"."organization_id" = $6 AND "ticket"."status" = $7 AND "ticket"."assignee_id" = $8 ) AND ( "ticket"."deleted_at" IS NULL ) ORDER BY "ticket"."created_at" DESC, "ticket"."id" DESC LIMIT 26 OFFSET 0`;

/** `GET /api/invoices?organizationId=&status=PAID`: the page, its status counters as the total. */
export const INVOICE_LIST_SQL = `SELECT "invoice"."id" AS "invoice_id", "invoice"."tenant_id" AS "invoice_tenant_id", "invoice"."created_at" AS "invoice_created_at", "invoice"."updated_at" AS "invoice_updated_at", "invoice"."deleted_at" AS "invoice_deleted_at", "invoice"."created_by" AS "invoice_created_by", "invoice"."updated_by" AS "invoice_updated_by", "invoice"."version" AS "invoice_version", "invoice"."organization_id" AS "invoice_organization_id", "invoice"."kind" AS "invoice_kind", "invoice"."number" AS "invoice_number", "invoice"."status" AS "invoice_status", "invoice"."currency" AS "invoice_currency", "invoice"."contact_id" AS "invoice_contact_id", "invoice"."customer_id" AS "invoice_customer_id", "invoice"."owner_id" AS "invoice_owner_id", "invoice"."credited_invoice_id" AS "invoice_credited_invoice_id", "invoice"."issue_date" AS "invoice_issue_date", "invoice"."due_date" AS "invoice_due_date", "invoice"."payment_terms_days" AS "invoice_payment_terms_days", "invoice"."notes" AS "invoice_notes", "invoice"."terms" AS "invoice_terms", "invoice"."prices_include_tax" AS "invoice_prices_include_tax", "invoice"."discount_kind" AS "invoice_discount_kind", "invoice"."discount_value" AS "invoice_discount_value", "invoice"."items" AS "invoice_items", "invoice"."taxes" AS "invoice_taxes", "invoice"."subtotal" AS "invoice_subtotal", "invoice"."discount_total" AS "invoice_discount_total", "invoice"."net_total" AS "invoice_net_total", "invoice"."tax_total" AS "invoice_tax_total", "invoice"."total" AS "invoice_total", "invoice"."amount_paid" AS "invoice_amount_paid", "invoice"."amount_credited" AS "invoice_amount_credited", "invoice"."amount_refunded" AS "invoice_amount_refunded", "invoice"."balance" AS "invoice_balance", "invoice"."sent_at" AS "invoice_sent_at", "invoice"."sent_to" AS "invoice_sent_to", "invoice"."voided_at" AS "invoice_voided_at", "invoice"."billing_period" AS "invoice_billing_period", (SELECT coalesce(json_agg(json_build_object('id', record_tag.id, 'name', record_tag.name,
                                                    'color', record_tag.color)
                                  ORDER BY record_tag.name, record_tag.id), '[]'::json)
             FROM invoice_tag record_link
             JOIN tag record_tag ON record_tag.id = record_link.tag_id AND record_tag.deleted_at IS NULL
                                AND record_tag.tenant_id = "invoice".tenant_id
            WHERE record_link.tenant_id = "invoice".tenant_id AND record_link.organization_id = "invoice".organization_id
              AND record_link.invoice_id = "invoice".id) AS "view_tags", (SELECT coalesce(sum(facet.count), 0) FROM invoice_facet_count facet
           WHERE facet.tenant_id = $1
             AND facet.organization_id = ANY($2)
             AND facet.status = $3) AS "page_total" FROM "invoice" "invoice" WHERE ( "invoice"."tenant_id" = $4 AND "invoice"."organization_id" = $5 AND "invoice"."organization_id" = $6 AND "invoice"."status" = $7 ) AND ( "invoice"."deleted_at" IS NULL ) ORDER BY "invoice"."created_at" DESC, "invoice"."id" DESC LIMIT 26 OFFSET 0`;

/** `GET /api/invoices/summary?organizationId=&from=&to=`: one aggregate per currency. */
export const INVOICE_SUMMARY_SQL = `SELECT "invoice"."currency" AS "currency", count(*)::text AS "invoiceCount", sum("invoice"."total")::text AS "invoiced", sum("invoice"."amount_paid")::text AS "paid", sum("invoice"."amount_credited")::text AS "credited", sum("invoice"."balance")::text AS "outstanding", coalesce(sum("invoice"."balance") FILTER (WHERE ("invoice".status IN ('SENT', 'PARTIALLY_PAID') AND "invoice".balance > 0
           AND "invoice".due_date IS NOT NULL AND "invoice".due_date < $1)), 0)::text AS "overdue" FROM "invoice" "invoice" WHERE ( "invoice"."tenant_id" = $2 AND "invoice"."organization_id" = $3 AND "invoice"."kind" = 'INVOICE' AND "invoice"."status" IN ('SENT', 'PARTIALLY_PAID', 'PAID') AND "invoice"."organization_id" = $4 AND "invoice"."issue_date" >= $5 AND "invoice"."issue_date" <= $6 ) AND ( "invoice"."deleted_at" IS NULL ) GROUP BY "invoice"."currency" ORDER BY "invoice"."currency" ASC`;

/** `GET /api/crm/customers?organizationId=`: by name, with the registered columns (open tickets, contract, billing) and its record count. */
export const CUSTOMER_LIST_SQL = `SELECT "customer"."id" AS "customer_id", "customer"."tenant_id" AS "customer_tenant_id", "customer"."created_at" AS "customer_created_at", "customer"."updated_at" AS "customer_updated_at", "customer"."deleted_at" AS "customer_deleted_at", "customer"."created_by" AS "customer_created_by", "customer"."updated_by" AS "customer_updated_by", "customer"."version" AS "customer_version", "customer"."organization_id" AS "customer_organization_id", "customer"."name" AS "customer_name", "customer"."kind" AS "customer_kind", "customer"."primary_domain" AS "customer_primary_domain", "customer"."logo_url" AS "customer_logo_url", "customer"."notes" AS "customer_notes", "customer"."owner_id" AS "customer_owner_id", (SELECT coalesce(json_agg(json_build_object('id', record_tag.id, 'name', record_tag.name,
                                                    'color', record_tag.color)
                                  ORDER BY record_tag.name, record_tag.id), '[]'::json)
             FROM customer_tag record_link
             JOIN tag record_tag ON record_tag.id = record_link.tag_id AND record_tag.deleted_at IS NULL
                                AND record_tag.tenant_id = "customer".tenant_id
            WHERE record_link.tenant_id = "customer".tenant_id AND record_link.organization_id = "customer".organization_id
              AND record_link.customer_id = "customer".id) AS "view_tags", (SELECT count(*)::int FROM contact stats_contact
            WHERE stats_contact.tenant_id = "customer".tenant_id AND stats_contact.customer_id = "customer".id
              AND stats_contact.deleted_at IS NULL) AS "view_contact_count", (SELECT count(*) FROM ticket open_ticket
                     WHERE open_ticket.tenant_id = "customer".tenant_id
                       AND open_ticket.organization_id = "customer".organization_id
                       AND open_ticket.customer_id = "customer".id
                       AND open_ticket.status IN ('OPEN', 'PENDING')
                       AND open_ticket.deleted_at IS NULL) AS "column_openTicketCount", (SELECT CASE max(CASE WHEN best_contract.start_date > (now() AT TIME ZONE 'UTC')::date THEN 0
                                         WHEN best_contract.end_date < (now() AT TIME ZONE 'UTC')::date THEN 1
                                         WHEN best_contract.end_date <= (now() AT TIME ZONE 'UTC')::date + 30 THEN 2
                                         ELSE 3 END)
                     WHEN 3 THEN 'ACTIVE' WHEN 2 THEN 'EXPIRING' WHEN 1 THEN 'EXPIRED' ELSE 'NONE' END
                     FROM contract best_contract
                    WHERE best_contract.tenant_id = "customer".tenant_id
                      AND best_contract.organization_id = "customer".organization_id
                      AND best_contract.customer_id = "customer".id
                      AND best_contract.deleted_at IS NULL) AS "column_contractStatus", (SELECT json_build_object('currency', bs.currency, 'monthlyTotal', bs.monthly_total::text,
                                             'dayOfMonth', bs.day_of_month, 'timeZone', bs.time_zone)
                      FROM billing_settings bs
                     WHERE bs.tenant_id = "customer".tenant_id AND bs.organization_id = "customer".organization_id
                       AND bs.customer_id = "customer".id AND bs.active AND bs.deleted_at IS NULL) AS "column_billingSummary", (SELECT coalesce(sum(record_count.count), 0) FROM record_count
           WHERE record_count.tenant_id = $1
             AND record_count.organization_id = ANY($2)
             AND record_count.entity = $3) AS "page_total" FROM "customer" "customer" WHERE ( "customer"."tenant_id" = $4 AND "customer"."organization_id" = $5 ) AND ( "customer"."deleted_at" IS NULL ) ORDER BY "customer"."name" ASC, "customer"."id" ASC LIMIT 26 OFFSET 0`;

/**
 * Per scenario, every statement one request may issue. A captured statement missing here is
 * drift: copy it from the results file. A scenario absent here has not been captured yet.
 * (A page past the end of a list, which no scenario asks for, also reads its total on its own.)
 */
export const API_SQL: Readonly<Record<string, readonly string[]>> = {
  list: [ACTOR_SQL, CONTACT_PAGE_SQL],
  'list-filtered': [ACTOR_SQL, FILTERED_PAGE_SQL],
  'list-cursor': [ACTOR_SQL, CURSOR_PAGE_SQL],
  search: [ACTOR_SQL, START_TRANSACTION, SET_TYPO_THRESHOLD_SQL, SEARCH_PAGE_SQL, COMMIT],
  detail: [ACTOR_SQL, CONTACT_BY_ID_SQL, OPEN_DEALS_SQL, DETAIL_ACTIVITIES_SQL, DETAIL_NOTES_SQL],
  create: [
    ACTOR_SQL,
    START_TRANSACTION,
    CREATE_ORGANIZATION_SQL,
    CREATE_EMAIL_TAKEN_SQL,
    CREATE_OWNER_MEMBERSHIP_SQL,
    CREATE_INSERT_SQL,
    PUBLISH_EVENT_SQL,
    COMMIT,
    CREATED_BY_ID_SQL,
  ],
  'deal-board': [ACTOR_SQL, BOARD_PIPELINE_SQL, BOARD_STAGES_SQL, BOARD_TOTALS_SQL, BOARD_STAGE_PAGE_SQL],
  'deal-list': [ACTOR_SQL, DEAL_LIST_SQL],
  'change-feed': [ACTOR_SQL, FEED_PURGED_SQL, FEED_PAGE_SQL],
  'ticket-list': [ACTOR_SQL, TICKET_LIST_SQL],
  'customer-list': [ACTOR_SQL, CUSTOMER_LIST_SQL],
  'invoice-list': [ACTOR_SQL, INVOICE_LIST_SQL],
  'invoice-summary': [ACTOR_SQL, INVOICE_SUMMARY_SQL],
  timeline: [
    ACTOR_SQL,
    TIMELINE_CONTACT_SQL,
    TIMELINE_ACTIVITIES_SQL,
    TIMELINE_NOTES_SQL,
    TIMELINE_STAGE_CHANGES_SQL,
    TIMELINE_FIELD_CHANGES_SQL,
  ],
  login: [
    LOGIN_PENDING_SQL,
    LOGIN_FIND_USER_SQL,
    LOGIN_MFA_SQL,
    START_TRANSACTION,
    LOGIN_CLEAR_LOCKOUT_SQL,
    LOGIN_INSERT_SESSION_SQL,
    LOGIN_INSERT_REFRESH_TOKEN_SQL,
    AUDIT_ONLY_SQL,
    COMMIT,
  ],
};

/**
 * The rows and columns of the API's contact CSV export (`GET /api/crm/contacts?format=csv`
 * for the big tenant's ADMIN, every organization), written from ExportContactsHandler (it
 * streams through pg-cursor, outside TypeORM's log): psql's `\copy` of it is the yardstick.
 */
export function exportSelectSql(tenantId: string, organizationIds: readonly string[]): string {
  const uuid = /^[0-9a-f-]{36}$/;
  if (!uuid.test(tenantId) || !organizationIds.every((id) => uuid.test(id))) throw new Error('not uuids');
  return `SELECT c.id, c.organization_id, c.name, c.first_name, c.last_name, c.primary_email, c.primary_phone, c.job_title,
    c.contact_type, c.status, c.customer_id, cu.name AS customer_name, c.owner_id, c.marketing_opt_out, c.is_active,
    (SELECT string_agg(t.name, '; ' ORDER BY t.name) FROM contact_tag ct
       JOIN tag t ON t.id = ct.tag_id AND t.deleted_at IS NULL AND t.tenant_id = c.tenant_id
      WHERE ct.tenant_id = c.tenant_id AND ct.organization_id = c.organization_id AND ct.contact_id = c.id) AS tags,
    c.created_at, c.updated_at
    FROM contact c LEFT JOIN customer cu ON cu.id = c.customer_id AND cu.deleted_at IS NULL
   WHERE c.tenant_id = '${tenantId}' AND c.organization_id = ANY('{${organizationIds.join(',')}}'::uuid[])
     AND c.deleted_at IS NULL
   ORDER BY c.created_at DESC, c.id DESC`;
}
