import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TransferCrmHandler } from './commands/transfer-crm.handler';
import { CrmTransferController } from './crm-transfer.controller';
import { CrmTransferParticipants } from './crm-transfer-participants';

/**
 * `POST organizations/:id/transfer-crm` and its registry of participants: each module moving
 * its own rows registers one from its own files (see `CrmTransferParticipant`).
 */
@Module({
  imports: [CqrsModule],
  controllers: [CrmTransferController],
  providers: [TransferCrmHandler],
})
export class CrmTransferModule implements OnApplicationBootstrap {
  onApplicationBootstrap(): void {
    CrmTransferParticipants.freeze();
  }
}
