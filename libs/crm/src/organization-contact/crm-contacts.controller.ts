import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query, type StreamableFile } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { Readable } from 'node:stream';
import {
  ApiListOrExport,
  ApiTag,
  ApiProblems,
  EXAMPLE_ID,
  NotFoundError,
  CrmRoute,
  IdParam,
  listOrExport,
  type Page,
  Permission,
  RequirePermissions,
} from '@clientele/core';
import { TimelineParams, TimelineResponse, timelineResponse } from '../timeline';
import { CreateContactCommand } from './commands/create-contact.command';
import { DeleteContactCommand } from './commands/delete-contact.command';
import { UpdateContactCommand } from './commands/update-contact.command';
import type { ContactDetail } from './contact-detail';
import {
  type ContactRow,
  PORTAL_CONTACT_COLUMNS,
  PORTAL_CONTACT_RELATIONS,
  type PortalContactRow,
} from './contact-relations';
import { crmContactFilter } from './crm-contact-filter';
import { crmContactInput } from './crm-contact-input';
import { CREATE_CRM_CONTACT_EXAMPLES, CreateCrmContactDto } from './dto/create-crm-contact.dto';
import { CrmContactDetailResponse } from './dto/crm-contact-detail.response';
import { CrmContactResponse } from './dto/crm-contact.response';
import { ListCrmContactsParams } from './dto/list-crm-contacts.params';
import { UpdateCrmContactDto } from './dto/update-crm-contact.dto';
import type { ContactEntity } from './entities/contact.entity';
import { ExportContactsQuery } from './queries/export-contacts.query';
import { GetContactDetailQuery } from './queries/get-contact-detail.query';
import { GetContactQuery } from './queries/get-contact.query';
import { ListContactsQuery } from './queries/list-contacts.query';
import { ContactEmailTakenError } from './contact-email-taken.error';
import { CONTACT_EXPORT_COLUMNS } from './contact-export-columns';

/** What these routes answer for a contact that is not there, and for a taken e-mail. */
const CONTACT_NOT_FOUND = new NotFoundError('CONTACT', EXAMPLE_ID);
const EMAIL_TAKEN = new ContactEmailTakenError(EXAMPLE_ID, 'jane.doe@acmecorp.com');

/**
 * The portal's CRM contacts (`000_…txt`), on the same table as the Gauzy API. ADMIN and
 * MANAGER write; an AGENT reads all and updates the contacts it owns, but neither creates nor
 * deletes; a VIEWER reads.
 */
@ApiTag(
  'crm: contacts',
  "The portal's contacts (people): list, filter and export, the contact detail, create, change and delete.",
)
@ApiBearerAuth()
@CrmRoute()
@Controller('crm/contacts')
export class CrmContactsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @RequirePermissions(Permission.ORG_CONTACT_VIEW)
  @ApiListOrExport(
    CrmContactResponse,
    'Contacts, filtered by kind, status, owner, customer, tag, isActive and q.',
    () => CONTACT_EXPORT_COLUMNS,
  )
  list(@Query() params: ListCrmContactsParams): Promise<Page<CrmContactResponse> | StreamableFile> {
    const filter = crmContactFilter(params);
    return listOrExport(params.format, {
      file: 'contacts',
      exportRows: (format) =>
        this.queryBus.execute<ExportContactsQuery, Readable>(new ExportContactsQuery(filter, params.sort, format)),
      page: async () => {
        const page = await this.queryBus.execute<ListContactsQuery, Page<PortalContactRow>>(
          new ListContactsQuery(filter, params, PORTAL_CONTACT_RELATIONS, PORTAL_CONTACT_COLUMNS),
        );
        return page.map((contact) => CrmContactResponse.from(contact));
      },
    });
  }

  @Get(':id')
  @RequirePermissions(Permission.ORG_CONTACT_VIEW)
  @ApiOperation({ summary: 'The contact, its customer, open deals, recent activity, notes and ticket history.' })
  @ApiProblems(400, 401, 403, CONTACT_NOT_FOUND)
  async get(@IdParam() id: string): Promise<CrmContactDetailResponse> {
    const detail = await this.queryBus.execute<GetContactDetailQuery, ContactDetail>(new GetContactDetailQuery(id));
    return CrmContactDetailResponse.fromDetail(detail);
  }

  @Get(':id/timeline')
  @RequirePermissions(Permission.ORG_CONTACT_VIEW)
  @ApiOperation({
    summary: "The contact's timeline: its activities, notes, field changes and its deals' stage changes, newest first.",
  })
  @ApiOkResponse({ type: TimelineResponse })
  @ApiProblems(400, 401, 403, 404)
  async timeline(@IdParam() id: string, @Query() params: TimelineParams): Promise<TimelineResponse> {
    const contact = await this.queryBus.execute<GetContactQuery, ContactRow>(new GetContactQuery(id, []));
    return timelineResponse(
      this.queryBus,
      { entity: 'contact', id: contact.id, organizationId: contact.organizationId },
      params,
    );
  }

  @Post()
  @RequirePermissions(Permission.ORG_CONTACT_EDIT)
  @ApiOperation({ summary: 'Create a contact; `customerName` finds or creates the customer.' })
  @ApiProblems(400, 401, 403, 404, EMAIL_TAKEN)
  @ApiBody({ type: CreateCrmContactDto, examples: CREATE_CRM_CONTACT_EXAMPLES })
  async create(@Body() dto: CreateCrmContactDto): Promise<CrmContactResponse> {
    const contact = await this.commandBus.execute<CreateContactCommand, ContactEntity>(
      new CreateContactCommand(crmContactInput(dto)),
    );
    return this.row(contact.id);
  }

  @Patch(':id')
  @RequirePermissions(Permission.ORG_CONTACT_EDIT, Permission.ORG_CONTACT_EDIT_OWN)
  @ApiOperation({ summary: 'Change the fields sent; an AGENT only on contacts it owns.' })
  @ApiProblems(400, 401, 403, CONTACT_NOT_FOUND, EMAIL_TAKEN, 412)
  async update(@IdParam() id: string, @Body() dto: UpdateCrmContactDto): Promise<CrmContactResponse> {
    await this.commandBus.execute(new UpdateContactCommand(id, crmContactInput(dto)));
    return this.row(id);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions(Permission.ORG_CONTACT_EDIT)
  @ApiOperation({ summary: 'Delete a contact (soft).' })
  @ApiProblems(400, 401, 403, CONTACT_NOT_FOUND, 412)
  async remove(@IdParam() id: string): Promise<void> {
    await this.commandBus.execute(new DeleteContactCommand(id));
  }

  private async row(id: string): Promise<CrmContactResponse> {
    return CrmContactResponse.from(
      await this.queryBus.execute<GetContactQuery, ContactRow>(new GetContactQuery(id, PORTAL_CONTACT_RELATIONS)),
    );
  }
}
