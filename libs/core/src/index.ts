// What other rooms may use from libs/core.
export * from './config/app-config';
export { formatLogLine, prettyLogStream } from './logging/pretty-log';
export { APP_CONFIG } from './config/app-config.token';
export { ConfigError } from './config/env-reader';
export { withJwtSecret } from './config/jwt-secret';
export { CoreModule, CORE_ENTITIES } from './core.module';
export { dataSourceOptions } from './database/data-source-options';
export { EmbeddedPostgres } from './database/embedded-postgres';
export { escapeLike } from './database/escape-like';
export { PreparingClient, StatementNames } from './database/prepared-statements';
export { checkRememberedQueryTexts, queryText } from './database/query-text';
export { MIGRATIONS } from './database/migrations';
export {
  type CountedColumn,
  type CountedTableDeclaration,
  installCountedTable,
  uninstallCountedTable,
} from './database/counted-tables';
export { type AuditOnlyEntry, type Publication, ScopedReader, Transaction, UnitOfWork } from './database/unit-of-work';
export { entitySnapshot } from './database/entity-snapshot';
export { DECIMAL_COLUMN } from './database/decimal-column.transformer';
export { CURRENCY_CODES, type Currency, currency, type CurrencyCode, isCurrencyCode } from './domain/currency';
export { CurrencyMismatchError } from './domain/currency-mismatch.error';
export {
  Decimal,
  type DecimalLimits,
  decimalAsJsonNumber,
  decimalPattern,
  decimalTextInput,
  formatDecimal,
  isDecimalText,
  toDecimal,
  toFixedScale,
} from './domain/decimal';
export { InvalidTransitionError } from './domain/invalid-transition.error';
export { type CurrencyLike, type DecimalLike, Money } from './domain/money';
export { defineStateMachine, type StateMachine, type StateMachineDefinition } from './domain/state-machine';
export { UnknownCurrencyError } from './domain/unknown-currency.error';
export { type RawRow, type ReadRow, readRows } from './database/read-rows';
export { type ApiProblem, ApiProblems, EXAMPLE_ID, problemExamples } from './errors/api-problems.decorator';
export * from './errors/domain-error';
export { IdParam } from './errors/id-param.decorator';
export { Problem, PROBLEM_CONTENT_TYPE } from './errors/problem';
export { sendProblem } from './errors/problem.filter';
export { registerUniqueConstraint, uniqueConstraintConflict } from './errors/unique-constraints';
export { AuditEntryEntity } from './audit/audit-entry.entity';
export { OutboxEventEntity } from './events/outbox-event.entity';
export {
  defineEvent,
  definedEvents,
  type EventData,
  type EventDefinition,
  EventPayloadMismatchError,
} from './events/event-definition';
export { changedFields } from './events/changed-fields';
export { type FeedEvent, type FeedQuery, OutboxFeed } from './events/outbox-feed';
export {
  ClienteleEvent,
  EventActor,
  eventEnvelope,
  type OutboxEventRow,
  outboxEventColumns,
} from './events/event-envelope';
export { EventVisibilities, type EventVisibility, visibleEventScopes } from './events/event-visibility';
export { EVENT_TYPE_PATTERN, eventTypeLike } from './events/event-type-pattern';
export { OutboxRetentionJob } from './events/outbox-retention.job';
export { OutboxRelayJob } from './events/outbox-relay.job';
export { JetStreamPublisher, streamSettings } from './events/jetstream-publisher';
export { type EventStreamPublisher, eventSubject } from './events/event-stream-publisher';
export { WebhookDeliveryJob } from './webhooks/webhook-delivery.job';
export {
  newWebhookSecret,
  SIGNATURE_HEADER,
  signatureHeader,
  verifyWebhookSignature,
  webhookSignature,
} from './webhooks/webhook-signature';
export { sendWebhook, type WebhookResponse, type WebhookSendOptions } from './webhooks/webhook-sender';
export { isPrivateAddress, WebhookTargetRefusedError } from './webhooks/webhook-target-guard';
export { OutboxSequencer } from './events/outbox-sequencer';
export { OutboxSequenceJob } from './events/outbox-sequence.job';
export {
  ORGANIZATION_RECORD_FIELDS,
  organizationRecordSnapshot,
  TENANT_RECORD_FIELDS,
  type TenantRecordSnapshot,
  tenantRecordSnapshot,
} from './events/record-snapshot';
export { type Infer, type JsonSchema, type Schema, schema } from './events/schema';
export { IdempotencyCleanupJob } from './http/idempotency-cleanup.job';
export { JobRegistry } from './scheduler/job-registry';
export type { JobContext, JobOutcome, ScheduledJob } from './scheduler/scheduled-job';
export { Scheduler } from './scheduler/scheduler';
export { SystemContext } from './tenancy/system-context';
export { buildOpenApiDocument, setupSwagger } from './openapi/swagger';
export { ApiTag } from './openapi/api-tag.decorator';
export { ApiPageResponse, Page } from './pagination/page';
export { DEFAULT_PAGE_SIZE, MAX_OFFSET, MAX_PAGE_SIZE, PageParams } from './pagination/page-params.dto';
export { GauzyPageParams } from './pagination/gauzy-page-params.dto';
export {
  paginate,
  type PaginateOptions,
  parseSort,
  type SortAllowList,
  TOTAL_COUNT_CAP,
  type TotalSql,
} from './pagination/paginate';
export { decodeCursorValues, encodeCursor, encodeCursorValues, isStorableCursorText } from './pagination/keyset-cursor';
export {
  type CountedFacet,
  type CountedTable,
  CountedTables,
  countedTotal,
  type FacetValue,
} from './pagination/record-count';
export { Registry, type RegistryEntry } from './registry/registry';
export { documentRegistry } from './registry/document-registry';
export { parseBracketQuery } from './pagination/bracket-query';
export { BracketQueryInterceptor } from './http/bracket-query.interceptor';
export { installEtag } from './http/etag';
export { Idempotency, installIdempotency } from './http/idempotency';
export { depthLimitedJsonParser, MAX_JSON_DEPTH } from './http/json-depth';
export { escapeHtml } from './http/html-escape';
export { installConsole } from './http/console-files';
export { installNoStore } from './http/no-store';
export { installTextInputRule } from './http/text-input';
export { clientErrorHandler } from './http/client-error';
export { csvLine, type CsvValue, escapeCsvCell } from './export/csv-escape';
export type { ExportColumn } from './export/export-column';
export { type ExportFormat, LIST_FORMATS, type ListFormat } from './export/export-format';
export { ApiListOrExport, listOrExport, type ListOrExportRoute } from './export/list-or-export';
export { RowExporter, type SqlQuery } from './export/row-exporter';
export { findOrganizationMembers } from './organizations/organization-members';
export { type OrganizationCreationStep, OrganizationCreationSteps } from './organizations/organization-creation-steps';
export { OptionalNonNull } from './validation/optional-non-null.decorator';
export { IsDecimalString } from './validation/is-decimal-string.decorator';
export { IsDateOnly, isDateOnly } from './validation/is-date-only.decorator';
export { splitQueryList } from './validation/split-query-list';
export { PasswordHasher } from './auth/password-hasher';
export { ApiKeyEntity } from './api-keys/entities/api-key.entity';
export { passwordPolicyViolation } from './auth/password-policy/password-policy';
export { installIpRateLimit } from './rate-limit/ip-rate-limit.hook';
export { RateLimiter } from './rate-limit/rate-limiter';
export { ActorCache } from './tenancy/actor-cache';
export { BUILT_IN_ROLE_IDS, BUILT_IN_ROLES, type BuiltInRoleName } from './permissions/built-in-roles';
export { GrantSet } from './permissions/grant-set';
export { ALL_PERMISSIONS, Permission } from './permissions/permission.enum';
export {
  AcceptsTenantRefs,
  CrmRoute,
  Public,
  RequirePermissions,
  CRM_ROUTE,
  TENANT_REFS,
  PUBLIC_ROUTE,
  REQUIRED_PERMISSIONS,
  USER_ONLY_ROUTE,
  UserOnly,
  AUTHOR_ONLY_ROUTE,
  AuthorOnly,
} from './permissions/permissions.decorator';
export { AccessScope } from './tenancy/access-scope';
export { type QueryScope, ScopeEscapeError, ScopedSelectQueryBuilder } from './tenancy/scoped-query-builder';
export { Actor, type ActorType, SYSTEM_ACTOR_ID } from './tenancy/actor';
export { MembershipEntity } from './tenancy/entities/membership.entity';
export { DEFAULT_CONTACT_STATUSES, OrganizationEntity } from './tenancy/entities/organization.entity';
export { RoleEntity } from './tenancy/entities/role.entity';
export { TenantEntity } from './tenancy/entities/tenant.entity';
export { UserEntity } from './tenancy/entities/user.entity';
export { RequestContext } from './tenancy/request-context';
export { OrganizationScopedEntity, TenantScopedEntity } from './tenancy/scoped.entity';
export { ScopedRepository } from './tenancy/scoped-repository';
export { defineLink, Link, type LinkDefinition, type LinkOwner } from './tenancy/links';
export { unscopedRepository } from './tenancy/unscoped-repository';
export { OrganizationPair } from './tenancy/organization-pair';
