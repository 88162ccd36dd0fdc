import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Permission, UnitOfWork, ValidationError } from '@clientele/core';
import { CrmTransfer } from '../crm-transfer';
import { CrmTransferParticipants } from '../crm-transfer-participants';
import type { CrmTransferReport } from '../crm-transfer-report';
import { OrganizationCrmTransferred } from '../events/crm-transferred.event';
import { TransferCrmCommand } from './transfer-crm.command';

/**
 * Moves the source organization's CRM into the target, GitLab style: every participant (see
 * `CrmTransferParticipant`) checks, matches, counts and — unless a dry run — moves, in one
 * transaction. Both organizations are locked first, so no record is written into either while
 * they move, and a second transfer of either waits for this one.
 */
@CommandHandler(TransferCrmCommand)
export class TransferCrmHandler implements ICommandHandler<TransferCrmCommand> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ sourceOrganizationId, targetOrganizationId, dryRun }: TransferCrmCommand): Promise<CrmTransferReport> {
    if (sourceOrganizationId === targetOrganizationId.toLowerCase()) {
      throw ValidationError.field('targetOrganizationId', 'targetOrganizationId must be another organization');
    }
    return this.uow.run(async (tx) => {
      const pair = tx.acrossOrganizations(sourceOrganizationId, targetOrganizationId.toLowerCase(), [
        Permission.ORG_CONTACT_EDIT,
        Permission.ORG_CUSTOMER_EDIT,
      ]);
      // Writing into an organization takes a key-share lock on its row (every CRM table references it).
      await pair.query(
        `SELECT id FROM organization WHERE tenant_id = $1 AND id IN ($2, $3) ORDER BY id FOR ${dryRun ? 'SHARE' : 'UPDATE'}`,
      );
      const transfer = new CrmTransfer(pair);
      const participants = CrmTransferParticipants.list();
      for (const participant of participants) await participant.check?.(transfer);
      for (const participant of participants) {
        if (participant.match !== undefined) transfer.recordMerges(participant.key, await participant.match(transfer));
      }
      const entities: Array<CrmTransferReport['entities'][number]> = [];
      for (const participant of participants) {
        if (participant.count === undefined) continue;
        entities.push({
          entity: participant.key,
          moved: await participant.count(transfer),
          merged: transfer.merged(participant.key),
        });
      }
      const report: CrmTransferReport = {
        sourceOrganizationId: pair.sourceOrganizationId,
        targetOrganizationId: pair.targetOrganizationId,
        dryRun,
        entities,
      };
      if (dryRun) return report;

      await pair.deferConstraints();
      for (const participant of participants) await participant.move?.(transfer);
      const data = {
        sourceOrganizationId: report.sourceOrganizationId,
        targetOrganizationId: report.targetOrganizationId,
        entities: entities.map(({ entity, moved, merged }) => ({
          entity,
          moved,
          merged: merged.map((pair) => ({ ...pair })),
        })),
      };
      for (const organizationId of [report.sourceOrganizationId, report.targetOrganizationId]) {
        await tx.publish(OrganizationCrmTransferred, {
          entityId: report.sourceOrganizationId,
          organizationId,
          after: data,
        });
      }
      return report;
    });
  }
}
