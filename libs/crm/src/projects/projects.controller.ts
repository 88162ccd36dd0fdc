import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import {
  ApiPageResponse,
  ApiProblems,
  ApiTag,
  CrmRoute,
  EXAMPLE_ID,
  IdParam,
  NotFoundError,
  type Page,
  Permission,
  RequirePermissions,
} from '@clientele/core';
import { CreateProjectCommand } from './commands/create-project.command';
import { DeleteProjectCommand } from './commands/delete-project.command';
import { UpdateProjectCommand } from './commands/update-project.command';
import { CreateProjectDto } from './dto/create-project.dto';
import { ListProjectsParams } from './dto/list-projects.params';
import { ProjectResponse } from './dto/project.response';
import { UpdateProjectDto } from './dto/update-project.dto';
import type { ProjectEntity } from './entities/project.entity';
import { GetProjectQuery } from './queries/get-project.query';
import { ListProjectsQuery } from './queries/list-projects.query';
import type { ProjectView } from './project-view';

const CUSTOMER_NOT_FOUND = new NotFoundError('CUSTOMER', EXAMPLE_ID, 'customerId');
const CONTACT_NOT_FOUND = new NotFoundError('CONTACT', EXAMPLE_ID, 'contactIds');

/**
 * Projects, optionally for a customer, with the contacts working on them. Reading needs
 * `ORG_CUSTOMER_VIEW`, writing `ORG_CUSTOMER_EDIT` (ADMIN and MANAGER; a VIEWER or an AGENT reads).
 */
@ApiTag(
  'projects',
  'Projects: status, customer, and the contacts on them (Gauzy’s organization contact carries projects).',
)
@ApiBearerAuth()
@CrmRoute()
@Controller('projects')
export class ProjectsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @RequirePermissions(Permission.ORG_CUSTOMER_VIEW)
  @ApiOperation({ summary: 'Projects, filtered by status, customer, contact and `q` (name).' })
  @ApiPageResponse(ProjectResponse)
  @ApiProblems(400, 401, 403, 404)
  async list(@Query() params: ListProjectsParams): Promise<Page<ProjectResponse>> {
    const page = await this.queryBus.execute<ListProjectsQuery, Page<ProjectView>>(new ListProjectsQuery(params));
    return page.map((view) => ProjectResponse.from(view));
  }

  @Get(':id')
  @RequirePermissions(Permission.ORG_CUSTOMER_VIEW)
  @ApiOperation({ summary: 'One project, with its contacts (id, name, e-mail).' })
  @ApiProblems(400, 401, 403, 404)
  get(@IdParam() id: string): Promise<ProjectResponse> {
    return this.view(id);
  }

  @Post()
  @RequirePermissions(Permission.ORG_CUSTOMER_EDIT)
  @ApiOperation({ summary: 'Start a project (PLANNED unless told), with its customer and contacts.' })
  @ApiProblems(400, 401, 403, 404, CUSTOMER_NOT_FOUND, CONTACT_NOT_FOUND)
  async create(@Body() dto: CreateProjectDto): Promise<ProjectResponse> {
    const project = await this.commandBus.execute<CreateProjectCommand, ProjectEntity>(new CreateProjectCommand(dto));
    return this.view(project.id);
  }

  @Patch(':id')
  @RequirePermissions(Permission.ORG_CUSTOMER_EDIT)
  @ApiOperation({
    summary: 'Change the fields sent; `contactIds` replaces the contacts (`[]` clears).',
    description:
      'A change of the contacts alone is published as `project.contacts_changed`, any other as `project.updated`.',
  })
  @ApiProblems(400, 401, 403, 404, CUSTOMER_NOT_FOUND, CONTACT_NOT_FOUND, 412)
  async update(@IdParam() id: string, @Body() dto: UpdateProjectDto): Promise<ProjectResponse> {
    await this.commandBus.execute(new UpdateProjectCommand(id, dto));
    return this.view(id);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions(Permission.ORG_CUSTOMER_EDIT)
  @ApiOperation({ summary: 'Delete a project (soft).' })
  @ApiProblems(400, 401, 403, 404, 412)
  async remove(@IdParam() id: string): Promise<void> {
    await this.commandBus.execute(new DeleteProjectCommand(id));
  }

  private async view(id: string): Promise<ProjectResponse> {
    return ProjectResponse.from(await this.queryBus.execute<GetProjectQuery, ProjectView>(new GetProjectQuery(id)));
  }
}
