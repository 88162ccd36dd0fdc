import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import {
  ApiProblems,
  ApiTag,
  CrmRoute,
  EXAMPLE_ID,
  ForbiddenError,
  IdParam,
  NotFoundError,
  Permission,
  RequirePermissions,
  ValidationError,
} from '@clientele/core';
import { CrmTransferBlockedError } from './crm-transfer-blocked.error';
import type { CrmTransferReport } from './crm-transfer-report';
import { TransferCrmCommand } from './commands/transfer-crm.command';
import { CrmTransferReportResponse } from './dto/crm-transfer-report.response';
import { TransferCrmDto } from './dto/transfer-crm.dto';

/**
 * Moving an organization's CRM into another organization of the tenant, as GitLab moves a
 * group's contacts and organizations to another root group: contacts that exist there by
 * e-mail and customers that exist there by name are merged, everything else moves.
 */
@ApiTag(
  'crm-transfer',
  'Move an organization’s contacts, customers and their tickets, deals, activities and notes into another organization, de-duplicating by e-mail and name.',
)
@ApiBearerAuth()
@CrmRoute()
@Controller('organizations')
export class CrmTransferController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/transfer-crm')
  @HttpCode(200)
  @RequirePermissions(Permission.ORG_CONTACT_EDIT, Permission.ORG_CUSTOMER_EDIT)
  @ApiOperation({
    summary:
      'Move this organization’s CRM into another organization of your tenant (or, with dryRun, say what would move).',
    description:
      'Needs ORG_CONTACT_EDIT and ORG_CUSTOMER_EDIT in both organizations. Contacts, customers, tags, tickets ' +
      '(with comments and contact links), deals, activities and notes move; a contact whose e-mail, a customer or tag ' +
      'whose name (any case) the target already has is merged into it — every link re-pointed — and deleted. Deals take ' +
      'the target’s stage of the same pipeline and stage name (else the same kind in its first pipeline). Invoices and ' +
      'billing settings keep their organization’s numbering: while any names a contact or customer, the transfer is ' +
      'refused (409 `CRM_TRANSFER_BLOCKED`). All or nothing; one `organization.crm_transferred` event in each organization.',
  })
  @ApiProblems(
    400,
    new ValidationError([
      { field: 'targetOrganizationId', message: 'targetOrganizationId must be another organization' },
    ]),
    401,
    new ForbiddenError(),
    new NotFoundError('ORGANIZATION', EXAMPLE_ID),
    new CrmTransferBlockedError(
      'The source organization has 2 invoices naming its contacts or customers; invoices keep their organization’s numbering and cannot move.',
    ),
  )
  async transfer(@IdParam() id: string, @Body() dto: TransferCrmDto): Promise<CrmTransferReportResponse> {
    const report = await this.commandBus.execute<TransferCrmCommand, CrmTransferReport>(
      new TransferCrmCommand(id.toLowerCase(), dto.targetOrganizationId, dto.dryRun ?? false),
    );
    return CrmTransferReportResponse.from(report);
  }
}
