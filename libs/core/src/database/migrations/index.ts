import { Foundation1764000000000 } from './1764000000000-foundation';
import { IdempotencyKey1764000000500 } from './1764000000500-idempotency-key';
import { ContactsCustomersTags1764000001000 } from './1764000001000-contacts-customers-tags';
import { IdentityAndAccess1764000004000 } from './1764000004000-identity-and-access';
import { RecordCount1764000005000 } from './1764000005000-record-count';
import { ContactFilterIndex1764000006000 } from './1764000006000-contact-filter-index';
import { ContactFilterIndexOnly1764000007000 } from './1764000007000-contact-filter-index-only';
import { FacetCount1764000008000 } from './1764000008000-facet-count';
import { CommitOrderedOutbox1764000009000 } from './1764000009000-commit-ordered-outbox';
import { LinkTablesCarryTenant1764000010000 } from './1764000010000-link-tables-carry-tenant';
import { SpreadRecordCount1764000011000 } from './1764000011000-spread-record-count';
import { AuditEntryTimelineIndex1764000012000 } from './1764000012000-audit-entry-timeline-index';
import { PipelinesAndDeals1764000014000 } from './1764000014000-pipelines-and-deals';
import { LoginLockoutPending1764000016500 } from './1764000016500-login-lockout-pending';
import { ActivitiesAndNotes1764000015000 } from './1764000015000-activities-and-notes';
import { OutboxRetention1764000013000 } from './1764000013000-outbox-retention';
import { Webhooks1764000013100 } from './1764000013100-webhooks';
import { Tickets1764000018000 } from './1764000018000-tickets';
import { AssetsAndProjects1764000019500 } from './1764000019500-assets-and-projects';
import { TicketCommentsFollowTheirTicket1764000020000 } from './1764000020000-ticket-comments-follow-their-ticket';
import { InvoiceTags1764000021000 } from './1764000021000-invoice-tags';
import { InvoiceItemIds1764000021100 } from './1764000021100-invoice-item-ids';
import { Invoices1764000017000 } from './1764000017000-invoices';
import { BillingSettings1764000017100 } from './1764000017100-billing-settings';
import { DealStageTotals1764000021500 } from './1764000021500-deal-stage-totals';
import { InvoiceCounts1764000021600 } from './1764000021600-invoice-counts';
import { CustomerNameOrder1764000021700 } from './1764000021700-customer-name-order';
import { OutboxRelayIndex1764000013500 } from './1764000013500-outbox-relay-index';
import { ContractsAndSla1764000019000 } from './1764000019000-contracts-and-sla';
import { OrganizationKeysDeferrable1764000020500 } from './1764000020500-organization-keys-deferrable';

/**
 * Every migration, oldest first. Listed explicitly (not globbed) so the app, the CLI and the
 * test harness run the same set whether from TypeScript sources or the build.
 */
export const MIGRATIONS = [
  Foundation1764000000000,
  IdempotencyKey1764000000500,
  ContactsCustomersTags1764000001000,
  IdentityAndAccess1764000004000,
  RecordCount1764000005000,
  ContactFilterIndex1764000006000,
  ContactFilterIndexOnly1764000007000,
  FacetCount1764000008000,
  CommitOrderedOutbox1764000009000,
  LinkTablesCarryTenant1764000010000,
  SpreadRecordCount1764000011000,
  AuditEntryTimelineIndex1764000012000,
  OutboxRetention1764000013000,
  Webhooks1764000013100,
  OutboxRelayIndex1764000013500,
  PipelinesAndDeals1764000014000,
  ActivitiesAndNotes1764000015000,
  LoginLockoutPending1764000016500,
  Invoices1764000017000,
  BillingSettings1764000017100,
  Tickets1764000018000,
  ContractsAndSla1764000019000,
  AssetsAndProjects1764000019500,
  TicketCommentsFollowTheirTicket1764000020000,
  OrganizationKeysDeferrable1764000020500,
  InvoiceTags1764000021000,
  InvoiceItemIds1764000021100,
  DealStageTotals1764000021500,
  InvoiceCounts1764000021600,
  CustomerNameOrder1764000021700,
];
