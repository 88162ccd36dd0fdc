import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import { ApiProblems } from '../errors/api-problems.decorator';
import { ApiPageResponse, type Page } from '../pagination/page';
import { Permission } from '../permissions/permission.enum';
import { RequirePermissions } from '../permissions/permissions.decorator';
import type { AuditEntryEntity } from './audit-entry.entity';
import { AuditEntryResponse } from './dto/audit-entry.response';
import { ListAuditEntriesParams } from './dto/list-audit-entries.params';
import { ListAuditEntriesQuery } from './queries/list-audit-entries.query';
import { ApiTag } from '../openapi/api-tag.decorator';

@ApiTag('audit', 'The audit trail: who changed what, when, from where.')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @RequirePermissions(Permission.AUDIT_VIEW)
  @ApiOperation({
    summary: 'Who did what, when: every write, login, MFA change, role and API key change, newest first.',
    description: 'Filter by actor, entity, action (`user.*` for a prefix) and time (`from` inclusive, `to` exclusive).',
  })
  @ApiPageResponse(AuditEntryResponse)
  @ApiProblems(400, 401, 403, 404)
  async list(@Query() params: ListAuditEntriesParams): Promise<Page<AuditEntryResponse>> {
    const page = await this.queryBus.execute<ListAuditEntriesQuery, Page<AuditEntryEntity>>(
      new ListAuditEntriesQuery(params),
    );
    return page.map((entry) => AuditEntryResponse.from(entry));
  }
}
