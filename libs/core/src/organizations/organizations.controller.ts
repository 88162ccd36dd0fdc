import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import { ApiProblems } from '../errors/api-problems.decorator';
import { IdParam } from '../errors/id-param.decorator';
import { ApiPageResponse, type Page } from '../pagination/page';
import { PageParams } from '../pagination/page-params.dto';
import { Permission } from '../permissions/permission.enum';
import { RequirePermissions } from '../permissions/permissions.decorator';
import type { MembershipEntity } from '../tenancy/entities/membership.entity';
import type { OrganizationEntity } from '../tenancy/entities/organization.entity';
import { AddMemberCommand } from './commands/add-member.command';
import { ChangeMemberRoleCommand } from './commands/change-member-role.command';
import { CreateOrganizationCommand } from './commands/create-organization.command';
import { RemoveMemberCommand } from './commands/remove-member.command';
import { UpdateOrganizationCommand } from './commands/update-organization.command';
import { AddMemberDto } from './dto/add-member.dto';
import { CreateOrganizationDto } from './dto/create-organization.dto';
import { ListOrganizationsParams } from './dto/list-organizations.params';
import { MemberResponse } from './dto/member.response';
import { OrganizationResponse, OrganizationSettingsResponse } from './dto/organization.response';
import { UpdateMemberDto } from './dto/update-member.dto';
import { UpdateOrganizationSettingsDto } from './dto/update-organization-settings.dto';
import { UpdateOrganizationDto } from './dto/update-organization.dto';
import { GetOrganizationQuery } from './queries/get-organization.query';
import { ListMembersQuery } from './queries/list-members.query';
import { ListOrganizationsQuery } from './queries/list-organizations.query';
import { ApiTag } from '../openapi/api-tag.decorator';

@ApiTag('organizations', 'Organizations of your tenant, their settings and their members with roles.')
@ApiBearerAuth()
@Controller('organizations')
export class OrganizationsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @RequirePermissions()
  @ApiOperation({ summary: 'The organizations you are a member of.' })
  @ApiPageResponse(OrganizationResponse)
  @ApiProblems(400, 401)
  async list(@Query() params: ListOrganizationsParams): Promise<Page<OrganizationResponse>> {
    const page = await this.queryBus.execute<ListOrganizationsQuery, Page<OrganizationEntity>>(
      new ListOrganizationsQuery(params),
    );
    return page.map((organization) => OrganizationResponse.from(organization));
  }

  @Post()
  @RequirePermissions(Permission.ORG_SETTINGS_EDIT)
  @ApiOperation({ summary: 'Create an organization in your tenant; you become its ADMIN.' })
  @ApiProblems(400, 401, 403, 409)
  async create(@Body() dto: CreateOrganizationDto): Promise<OrganizationResponse> {
    const organization = await this.commandBus.execute<CreateOrganizationCommand, OrganizationEntity>(
      new CreateOrganizationCommand(dto),
    );
    return OrganizationResponse.from(organization);
  }

  @Get(':id')
  @RequirePermissions()
  @ApiOperation({ summary: 'One organization you are a member of.' })
  @ApiProblems(400, 401, 404)
  async get(@IdParam() id: string): Promise<OrganizationResponse> {
    return OrganizationResponse.from(await this.getOrganization(id));
  }

  @Patch(':id')
  @RequirePermissions(Permission.ORG_SETTINGS_EDIT)
  @ApiOperation({ summary: 'Rename an organization or change its settings.' })
  @ApiProblems(400, 401, 403, 404, 409)
  async update(@IdParam() id: string, @Body() dto: UpdateOrganizationDto): Promise<OrganizationResponse> {
    const organization = await this.commandBus.execute<UpdateOrganizationCommand, OrganizationEntity>(
      new UpdateOrganizationCommand(id, dto),
    );
    return OrganizationResponse.from(organization);
  }

  @Get(':id/settings')
  @RequirePermissions()
  @ApiOperation({ summary: 'CRM switch, contact statuses, default currency, invoice prefix.' })
  @ApiProblems(400, 401, 404)
  async getSettings(@IdParam() id: string): Promise<OrganizationSettingsResponse> {
    return OrganizationSettingsResponse.from(await this.getOrganization(id));
  }

  @Patch(':id/settings')
  @RequirePermissions(Permission.ORG_SETTINGS_EDIT)
  @ApiOperation({ summary: 'Change settings; fields left out keep their value.' })
  @ApiProblems(400, 401, 403, 404)
  async updateSettings(
    @IdParam() id: string,
    @Body() dto: UpdateOrganizationSettingsDto,
  ): Promise<OrganizationSettingsResponse> {
    const organization = await this.commandBus.execute<UpdateOrganizationCommand, OrganizationEntity>(
      new UpdateOrganizationCommand(id, { settings: dto }),
    );
    return OrganizationSettingsResponse.from(organization);
  }

  @Get(':id/members')
  @RequirePermissions(Permission.ORG_MEMBERS_VIEW)
  @ApiOperation({ summary: 'Members of an organization with their roles.' })
  @ApiPageResponse(MemberResponse)
  @ApiProblems(400, 401, 403, 404)
  async listMembers(@IdParam() id: string, @Query() params: PageParams): Promise<Page<MemberResponse>> {
    const page = await this.queryBus.execute<ListMembersQuery, Page<MembershipEntity>>(
      new ListMembersQuery(id, params),
    );
    return page.map((membership) => MemberResponse.from(membership));
  }

  @Post(':id/members')
  @RequirePermissions(Permission.ORG_MEMBERS_MANAGE)
  @ApiOperation({
    summary: 'Add an existing user of your tenant (userId) or a new one (email, password, names).',
    description:
      'An e-mail address already in use answers 409 `EMAIL_UNAVAILABLE` whoever holds it: add a user of your tenant by `userId`; users of other tenants cannot be added.',
  })
  @ApiProblems(400, 401, 403, 404, 409)
  async addMember(@IdParam() id: string, @Body() dto: AddMemberDto): Promise<MemberResponse> {
    const membership = await this.commandBus.execute<AddMemberCommand, MembershipEntity>(new AddMemberCommand(id, dto));
    return MemberResponse.from(membership);
  }

  @Patch(':id/members/:userId')
  @RequirePermissions(Permission.ORG_MEMBERS_MANAGE)
  @ApiOperation({ summary: "Change a member's role; it applies from their next request." })
  @ApiProblems(400, 401, 403, 404, 409)
  async changeMemberRole(
    @IdParam() id: string,
    @IdParam('userId') userId: string,
    @Body() dto: UpdateMemberDto,
  ): Promise<MemberResponse> {
    const membership = await this.commandBus.execute<ChangeMemberRoleCommand, MembershipEntity>(
      new ChangeMemberRoleCommand(id, userId, dto),
    );
    return MemberResponse.from(membership);
  }

  @Delete(':id/members/:userId')
  @HttpCode(204)
  @RequirePermissions(Permission.ORG_MEMBERS_MANAGE)
  @ApiOperation({ summary: 'Remove a member; the last ADMIN cannot be removed.' })
  @ApiProblems(400, 401, 403, 404, 409)
  async removeMember(@IdParam() id: string, @IdParam('userId') userId: string): Promise<void> {
    await this.commandBus.execute(new RemoveMemberCommand(id, userId));
  }

  private getOrganization(id: string): Promise<OrganizationEntity> {
    return this.queryBus.execute<GetOrganizationQuery, OrganizationEntity>(new GetOrganizationQuery(id));
  }
}
