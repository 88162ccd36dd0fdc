import { Body, Controller, Delete, Get, Post, Put, Query, UseInterceptors } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiOperation } from '@nestjs/swagger';
import {
  AcceptsTenantRefs,
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
  ValidationError,
} from '@clientele/core';
import { CreateContactCommand } from './commands/create-contact.command';
import { DeleteContactCommand } from './commands/delete-contact.command';
import { UpdateContactCommand } from './commands/update-contact.command';
import type { ContactRow } from './contact-relations';
import { requestedRelations } from './dto/gauzy-relation-fields';
import {
  CREATE_ORGANIZATION_CONTACT_EXAMPLES,
  CreateOrganizationContactDto,
} from './dto/create-organization-contact.dto';
import { DeleteResultResponse } from './dto/delete-result.response';
import { OrganizationContactGetParams } from './dto/organization-contact-get.params';
import {
  FIND_ALL_CAP,
  OrganizationContactFindAllParams,
  OrganizationContactListParams,
} from './dto/organization-contact-list.params';
import { OrganizationContactResponse } from './dto/organization-contact.response';
import { UpdateOrganizationContactDto } from './dto/update-organization-contact.dto';
import type { ContactEntity } from './entities/contact.entity';
import { GauzyRelations } from './gauzy-relations';
import { organizationContactInput } from './organization-contact-input';
import { GetContactQuery } from './queries/get-contact.query';
import { ListContactsQuery } from './queries/list-contacts.query';
import { ContactEmailTakenError } from './contact-email-taken.error';

/** What these routes answer for a contact that is not there, and for a taken e-mail. */
const CONTACT_NOT_FOUND = new NotFoundError('CONTACT', EXAMPLE_ID);
const EMAIL_TAKEN = new ContactEmailTakenError(EXAMPLE_ID, 'info@acme.com');

/** What a write answers with, as Gauzy returns the saved contact with its relations. */
const WRITE_RELATIONS = GauzyRelations.of(['tags', 'members']);

/**
 * Ever Gauzy's organization-contact API (`/api/organization-contact`): same paths, bodies, query style and
 * grants (ALL_ORG_VIEW or ORG_CONTACT_VIEW to read, ALL_ORG_EDIT or ORG_CONTACT_EDIT to
 * write) — but every route checks its grant and a body's `organizationId` its membership.
 */
@ApiTag(
  'organization-contact (Gauzy)',
  "Gauzy's organization-contact API on the same contacts, with Gauzy's field names and query shapes.",
)
@ApiBearerAuth()
@CrmRoute()
@AcceptsTenantRefs()
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
  @ApiOperation({
    summary: `Every contact, as Gauzy's find-all: up to ${FIND_ALL_CAP.toLocaleString('en')} in one answer.`,
    description:
      `The query of /pagination, but without \`take\`/\`limit\` it answers every matching contact up to a cap of ` +
      `${FIND_ALL_CAP.toLocaleString('en')} (\`take\`/\`limit\` may be up to that too). \`total\` always counts all ` +
      'matches: when it is larger than `items`, `nextCursor` (or `skip`) reads the rest.',
  })
  @ApiPageResponse(OrganizationContactResponse)
  @ApiProblems(400, 401, 403, 404)
  findAll(@Query() params: OrganizationContactFindAllParams): Promise<Page<OrganizationContactResponse>> {
    return this.list(params);
  }

  @Get(':id')
  @RequirePermissions(Permission.ALL_ORG_VIEW, Permission.ORG_CONTACT_VIEW)
  @ApiOperation({
    summary: 'One contact; relations[] (or join[…]) to include tags, members, customer and Gauzy’s names.',
  })
  @ApiProblems(400, 401, 403, CONTACT_NOT_FOUND)
  findById(@IdParam() id: string, @Query() params: OrganizationContactGetParams): Promise<OrganizationContactResponse> {
    return this.get(id, requestedRelations(params));
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
    if (dto.id !== undefined && dto.id.toLowerCase() !== id.toLowerCase()) {
      throw ValidationError.field('id', 'id must be the id in the path (a contact cannot change its id)');
    }
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
    const relations = requestedRelations(params);
    const page = await this.queryBus.execute<ListContactsQuery, Page<ContactRow>>(
      new ListContactsQuery(params.toFilter(), params.toPage(), relations.load),
    );
    return page.map((contact) => OrganizationContactResponse.from(contact, relations.extras));
  }

  private async get(id: string, relations: GauzyRelations): Promise<OrganizationContactResponse> {
    const contact = await this.queryBus.execute<GetContactQuery, ContactRow>(new GetContactQuery(id, relations.load));
    return OrganizationContactResponse.from(contact, relations.extras);
  }
}
