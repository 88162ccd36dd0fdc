export { CrmModule } from './crm.module';
// The demo seeder writes these directly (seeding is an allowed use of the unscoped escape hatch).
export { CONTACT_MEMBERS, CONTACT_TAGS, ContactEntity } from './organization-contact';
export { CUSTOMER_TAGS, CustomerEntity } from './customers';
export { TagEntity } from './tags';
export { DEFAULT_PIPELINE_NAME, DEFAULT_PIPELINE_STAGES, PipelineEntity, PipelineStageEntity } from './pipelines';
export { ACTIVITY_CONTACTS, ActivityEntity } from './activities';
export { DealEntity } from './deals';
export { NoteEntity } from './notes';
export { TICKET_CONTACTS, TicketEntity } from './tickets';
export {
  computeInvoiceTotals,
  DocumentSequenceEntity,
  formatDocumentNumber,
  InvoiceEntity,
  InvoicePaymentEntity,
} from './invoices';
export { BillingRunJob, BillingSettingsEntity } from './billing';
export { AssetEntity, type AssetKind } from './assets';
export { PROJECT_CONTACTS, ProjectEntity } from './projects';
export { ContractEntity, OrganizationSlaPolicyEntity, type SlaPolicy } from './contracts';
// The transfer's tests check that every organization table has a participant.
export { CrmTransferParticipants } from './crm-transfer';
