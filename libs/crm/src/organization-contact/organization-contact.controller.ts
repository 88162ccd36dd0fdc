import { Body, Controller, Delete, Get, Post, Put, Query, UseInterceptors } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiOperation } from '@nestjs/swagger';
import {
  ApiPageResponse,
  ApiProblems,
  ApiTag,
  EXAMPLE_ID,
  NotFoundError,
  BracketQueryInterceptor,
  CrmRoute,
  IdParam,
  type Page,
  Permission,
  RequirePermissions,
} from '@clientele/core';
import { CreateContactCommand } from './commands/create-contact.command';
import { DeleteContactCommand } from './commands/delete-contact.command';
import { UpdateContactCommand } from './commands/update-contact.command';
import type { ContactRelation, ContactRow } from './contact-relations';
import {
  CREATE_ORGANIZATION_CONTACT_EXAMPLES,
  CreateOrganizationContactDto,
} from './dto/create-organization-contact.dto';
import { DeleteResultResponse } from './dto/delete-result.response';
import { OrganizationContactGetParams } from './dto/organization-contact-get.params';
import { OrganizationContactListParams } from './dto/organization-contact-list.params';
import { OrganizationContactResponse } from './dto/organization-contact.response';
import { UpdateOrganizationContactDto } from './dto/update-organization-contact.dto';
import type { ContactEntity } from './entities/contact.entity';
import { organizationContactInput } from './organization-contact-input';
import { GetContactQuery } from './queries/get-contact.query';
import { ListContactsQuery } from './queries/list-contacts.query';
import { ContactEmailTakenError } from './contact-email-taken.error';

/** What these routes answer for a contact that is not there, and for a taken e-mail. */
const CONTACT_NOT_FOUND = new NotFoundError('CONTACT', EXAMPLE_ID);
const EMAIL_TAKEN = new ContactEmailTakenError(EXAMPLE_ID, 'info@acme.com');

/** What a write answers with, as Gauzy returns the saved contact with its relations. */
const WRITE_RELATIONS: readonly ContactRelation[] = ['tags', 'members'];

/**
 * Ever Gauzy's organization-contact API (`002_…txt`): same paths, bodies, query style and
 * grants (ALL_ORG_VIEW or ORG_CONTACT_VIEW to read, ALL_ORG_EDIT or ORG_CONTACT_EDIT to
 * write) — but every route checks its grant and a body's `organizationId` its membership.
 */
@ApiTag(
  'organization-contact (Gauzy)',
  "Gauzy's organization-contact API on the same contacts, with Gauzy's field names and query shapes.",
)
@ApiBearerAuth()
@CrmRoute()
@UseInterceptors(BracketQueryInterceptor)
@Controller('organization-contact')
export class OrganizationContactController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get('pagination')
  @RequirePermissions(Permission.ALL_ORG_VIEW, Permission.ORG_CONTACT_VIEW)
  @ApiOperation({
    summary: 'Contacts, paged: take/skip, where[…], relations[], order[…] (or limit/offset/cursor/sort/q).',
  })
  @ApiPageResponse(OrganizationContactResponse)
  @ApiProblems(400, 401, 403, 404)
  pagination(@Query() params: OrganizationContactListParams): Promise<Page<OrganizationContactResponse>> {
    return this.list(params);
  }

  @Get()
  @RequirePermissions(Permission.ALL_ORG_VIEW, Permission.ORG_CONTACT_VIEW)
  @ApiOperation({ summary: 'Contacts; the same query and answer as /pagination.' })
  @ApiPageResponse(OrganizationContactResponse)
  @ApiProblems(400, 401, 403, 404)
  findAll(@Query() params: OrganizationContactListParams): Promise<Page<OrganizationContactResponse>> {
    return this.list(params);
  }

  @Get(':id')
  @RequirePermissions(Permission.ALL_ORG_VIEW, Permission.ORG_CONTACT_VIEW)
  @ApiOperation({ summary: 'One contact; relations[]=tags|members|customer to include them.' })
  @ApiProblems(400, 401, 403, CONTACT_NOT_FOUND)
  findById(@IdParam() id: string, @Query() params: OrganizationContactGetParams): Promise<OrganizationContactResponse> {
    return this.get(id, params.relations ?? []);
  }

  @Post()
  @RequirePermissions(Permission.ALL_ORG_EDIT, Permission.ORG_CONTACT_EDIT)
  @ApiOperation({ summary: 'Create a contact.' })
  @ApiProblems(400, 401, 403, 404, EMAIL_TAKEN)
  @ApiBody({ type: CreateOrganizationContactDto, examples: CREATE_ORGANIZATION_CONTACT_EXAMPLES })
  async create(@Body() dto: CreateOrganizationContactDto): Promise<OrganizationContactResponse> {
    const contact = await this.commandBus.execute<CreateContactCommand, ContactEntity>(
      new CreateContactCommand(organizationContactInput(dto, true)),
    );
    return this.get(contact.id, WRITE_RELATIONS);
  }

  @Put(':id')
  @RequirePermissions(Permission.ALL_ORG_EDIT, Permission.ORG_CONTACT_EDIT)
  @ApiOperation({ summary: 'Update the fields sent (Gauzy uses PUT for partial updates).' })
  @ApiProblems(400, 401, 403, CONTACT_NOT_FOUND, EMAIL_TAKEN, 412)
  async update(@IdParam() id: string, @Body() dto: UpdateOrganizationContactDto): Promise<OrganizationContactResponse> {
    await this.commandBus.execute(new UpdateContactCommand(id, organizationContactInput(dto, false)));
    return this.get(id, WRITE_RELATIONS);
  }

  @Delete(':id')
  @RequirePermissions(Permission.ALL_ORG_EDIT, Permission.ORG_CONTACT_EDIT)
  @ApiOperation({ summary: 'Delete a contact (soft); answers `{ affected: 1 }` as Gauzy does.' })
  @ApiProblems(400, 401, 403, CONTACT_NOT_FOUND, 412)
  async remove(@IdParam() id: string): Promise<DeleteResultResponse> {
    await this.commandBus.execute(new DeleteContactCommand(id));
    return DeleteResultResponse.one();
  }

  private async list(params: OrganizationContactListParams): Promise<Page<OrganizationContactResponse>> {
    const page = await this.queryBus.execute<ListContactsQuery, Page<ContactRow>>(
      new ListContactsQuery(params.toFilter(), params.toPage(), params.relations ?? []),
    );
    return page.map((contact) => OrganizationContactResponse.from(contact));
  }

  private async get(id: string, relations: readonly ContactRelation[]): Promise<OrganizationContactResponse> {
    const contact = await this.queryBus.execute<GetContactQuery, ContactRow>(new GetContactQuery(id, relations));
    return OrganizationContactResponse.from(contact);
  }
}
