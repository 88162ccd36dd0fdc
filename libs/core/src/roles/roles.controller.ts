import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import { ApiProblems } from '../errors/api-problems.decorator';
import { IdParam } from '../errors/id-param.decorator';
import { ApiPageResponse, type Page } from '../pagination/page';
import { Permission } from '../permissions/permission.enum';
import { RequirePermissions } from '../permissions/permissions.decorator';
import type { RoleEntity } from '../tenancy/entities/role.entity';
import { CreateRoleCommand } from './commands/create-role.command';
import { DeleteRoleCommand } from './commands/delete-role.command';
import { UpdateRoleCommand } from './commands/update-role.command';
import { CreateRoleDto } from './dto/create-role.dto';
import { ListRolesParams } from './dto/list-roles.params';
import { RoleResponse } from './dto/role.response';
import { UpdateRoleDto } from './dto/update-role.dto';
import { GetRoleQuery } from './queries/get-role.query';
import { ListRolesQuery } from './queries/list-roles.query';
import { ApiTag } from '../openapi/api-tag.decorator';

/** Built-in roles (read-only) and the tenant's own roles, assigned per organization to members. */
@ApiTag('roles', 'Roles of the tenant and the grants they carry; custom roles next to the built-in ones.')
@ApiBearerAuth()
@Controller('roles')
export class RolesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @RequirePermissions(Permission.ORG_MEMBERS_VIEW)
  @ApiOperation({ summary: 'Built-in roles and your tenant’s roles, with their grants.' })
  @ApiPageResponse(RoleResponse)
  @ApiProblems(400, 401, 403)
  async list(@Query() params: ListRolesParams): Promise<Page<RoleResponse>> {
    const page = await this.queryBus.execute<ListRolesQuery, Page<RoleEntity>>(new ListRolesQuery(params));
    return page.map((role) => RoleResponse.from(role));
  }

  @Get(':id')
  @RequirePermissions(Permission.ORG_MEMBERS_VIEW)
  @ApiOperation({ summary: 'One role.' })
  @ApiProblems(400, 401, 403, 404)
  async get(@IdParam() id: string): Promise<RoleResponse> {
    return RoleResponse.from(await this.queryBus.execute<GetRoleQuery, RoleEntity>(new GetRoleQuery(id)));
  }

  @Post()
  @RequirePermissions(Permission.ORG_MEMBERS_MANAGE)
  @ApiOperation({ summary: 'Define a role with any subset of the grants you hold.' })
  @ApiProblems(400, 401, 403, 409)
  async create(@Body() dto: CreateRoleDto): Promise<RoleResponse> {
    return RoleResponse.from(await this.commandBus.execute<CreateRoleCommand, RoleEntity>(new CreateRoleCommand(dto)));
  }

  @Patch(':id')
  @RequirePermissions(Permission.ORG_MEMBERS_MANAGE)
  @ApiOperation({
    summary: 'Rename a role or replace its grants; members get the new grants on their next request.',
    description: 'Built-in roles answer 409 `BUILT_IN_ROLE`. Send `If-Match` with the ETag to avoid lost updates.',
  })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async update(@IdParam() id: string, @Body() dto: UpdateRoleDto): Promise<RoleResponse> {
    return RoleResponse.from(
      await this.commandBus.execute<UpdateRoleCommand, RoleEntity>(new UpdateRoleCommand(id, dto)),
    );
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions(Permission.ORG_MEMBERS_MANAGE)
  @ApiOperation({
    summary: 'Delete a role nobody holds.',
    description: '409 `ROLE_IN_USE` while members hold it; 409 `BUILT_IN_ROLE` for a built-in role.',
  })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async delete(@IdParam() id: string): Promise<void> {
    await this.commandBus.execute(new DeleteRoleCommand(id));
  }
}
