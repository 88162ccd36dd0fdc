import type { MergePair } from './crm-transfer';

/** What a transfer moved and merged per participant (see `CrmTransferParticipant.count`). */
export interface CrmTransferReport {
  readonly sourceOrganizationId: string;
  readonly targetOrganizationId: string;
  readonly dryRun: boolean;
  readonly entities: ReadonlyArray<{
    readonly entity: string;
    readonly moved: number;
    readonly merged: readonly MergePair[];
  }>;
}
