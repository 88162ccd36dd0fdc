import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiPageResponse,
  ApiProblems,
  CrmRoute,
  IdParam,
  type Page,
  Permission,
  RequirePermissions,
} from '@clientele/core';
import { GetContactQuery } from '../organization-contact';
import { ContactProjectsParams } from './dto/contact-projects.params';
import { ProjectResponse } from './dto/project.response';
import { ListProjectsQuery } from './queries/list-projects.query';
import type { ProjectView } from './project-view';

/**
 * Gauzy's organization contact carries its projects: `GET crm/contacts/:id/projects`, served by
 * the projects room. The contact must be visible (else 404).
 */
@ApiTags('crm: contacts')
@ApiBearerAuth()
@CrmRoute()
@Controller('crm')
export class ContactProjectsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('contacts/:id/projects')
  @RequirePermissions(Permission.ORG_CUSTOMER_VIEW)
  @ApiOperation({ summary: 'Projects the contact is on, with the project list’s filters.' })
  @ApiPageResponse(ProjectResponse)
  @ApiProblems(400, 401, 403, 404)
  async contactProjects(@IdParam() id: string, @Query() params: ContactProjectsParams): Promise<Page<ProjectResponse>> {
    await this.queryBus.execute(new GetContactQuery(id, []));
    const page = await this.queryBus.execute<ListProjectsQuery, Page<ProjectView>>(
      new ListProjectsQuery({ ...params, contactId: id.toLowerCase() }),
    );
    return page.map((view) => ProjectResponse.from(view));
  }
}
