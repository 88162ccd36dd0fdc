import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditController } from './audit.controller';
import { ListAuditEntriesHandler } from './queries/list-audit-entries.handler';

@Module({
  imports: [CqrsModule],
  controllers: [AuditController],
  providers: [ListAuditEntriesHandler],
})
export class AuditModule {}
