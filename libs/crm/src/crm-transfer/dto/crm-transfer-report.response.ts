import type { CrmTransferReport } from '../crm-transfer-report';

/** A record merged into the target organization's twin (same e-mail, same name) instead of moving. */
export class MergedRecordResponse {
  /** The source organization's record, deleted (soft) once merged. */
  sourceId: string;
  /** The target organization's record that survives and now carries the links. */
  targetId: string;
  /** What made them twins: the e-mail (contacts), the name (customers, tags), `Pipeline › Stage` (stages). */
  label: string;
}

/** One kind of record: how many moved, and which merged. */
export class TransferredEntityResponse {
  /** `tag`, `customer`, `contact`, `pipelineStage`, `deal`, `activity`, `note`, `ticket`, … */
  entity: string;
  /** Live records that moved to the target organization (merged ones not counted). */
  moved: number;
  /** Records merged into the target's twins. Pipeline stages never move: deals take the target's matching stage. */
  merged: MergedRecordResponse[];
}

/** What the transfer moved and merged, kind by kind (or, for a dry run, would). */
export class CrmTransferReportResponse {
  sourceOrganizationId: string;
  targetOrganizationId: string;
  dryRun: boolean;
  entities: TransferredEntityResponse[];

  static from(report: CrmTransferReport): CrmTransferReportResponse {
    return {
      sourceOrganizationId: report.sourceOrganizationId,
      targetOrganizationId: report.targetOrganizationId,
      dryRun: report.dryRun,
      entities: report.entities.map((entity) => ({
        entity: entity.entity,
        moved: entity.moved,
        merged: entity.merged.map((pair) => ({ ...pair })),
      })),
    };
  }
}
