// What other rooms may use from crm-transfer.
export {
  CrmTransfer,
  inSource,
  inTarget,
  MERGED_RECORD,
  type MergePair,
  MOVED_RECORD,
  TransferStatement,
} from './crm-transfer';
export { CrmTransferBlockedError } from './crm-transfer-blocked.error';
export { type CrmTransferParticipant, CrmTransferParticipants } from './crm-transfer-participants';
export { CrmTransferModule } from './crm-transfer.module';
