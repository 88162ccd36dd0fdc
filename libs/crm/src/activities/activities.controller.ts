import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import {
  ApiTag,
  ApiPageResponse,
  ApiProblems,
  CrmRoute,
  IdParam,
  type Page,
  Permission,
  RequirePermissions,
} from '@clientele/core';
import { CompleteActivityCommand } from './commands/complete-activity.command';
import { CreateActivityCommand } from './commands/create-activity.command';
import { DeleteActivityCommand } from './commands/delete-activity.command';
import { ReopenActivityCommand } from './commands/reopen-activity.command';
import { UpdateActivityCommand } from './commands/update-activity.command';
import { ActivityResponse } from './dto/activity.response';
import { CompleteActivityDto } from './dto/complete-activity.dto';
import { CreateActivityDto } from './dto/create-activity.dto';
import { ListActivitiesParams } from './dto/list-activities.params';
import { UpdateActivityDto } from './dto/update-activity.dto';
import type { ActivityEntity } from './entities/activity.entity';
import { GetActivityQuery } from './queries/get-activity.query';
import { ListActivitiesQuery } from './queries/list-activities.query';

/**
 * Calls, e-mails, meetings and tasks. Reading needs `ORG_ACTIVITY_VIEW`; ADMIN and MANAGER
 * (`ORG_ACTIVITY_EDIT`) write any; an AGENT (`ORG_ACTIVITY_EDIT_OWN`) creates activities it owns
 * and changes, completes and reopens its own; deleting needs `ORG_ACTIVITY_EDIT`.
 */
@ApiTag(
  'activities',
  'Calls, e-mails, meetings and tasks with due and completed dates, linked to contacts, a deal or a customer.',
)
@ApiBearerAuth()
@CrmRoute()
@Controller('activities')
export class ActivitiesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @RequirePermissions(Permission.ORG_ACTIVITY_VIEW)
  @ApiOperation({ summary: 'Activities, filtered by type, owner, state, due range, contact, deal, customer.' })
  @ApiPageResponse(ActivityResponse)
  @ApiProblems(400, 401, 403, 404)
  async list(@Query() params: ListActivitiesParams): Promise<Page<ActivityResponse>> {
    const page = await this.queryBus.execute<ListActivitiesQuery, Page<ActivityEntity>>(
      new ListActivitiesQuery(params),
    );
    const now = new Date();
    return page.map((activity) => ActivityResponse.from(activity, now));
  }

  @Get(':id')
  @RequirePermissions(Permission.ORG_ACTIVITY_VIEW)
  @ApiOperation({ summary: 'One activity.' })
  @ApiProblems(400, 401, 403, 404)
  get(@IdParam() id: string): Promise<ActivityResponse> {
    return this.view(id);
  }

  @Post()
  @RequirePermissions(Permission.ORG_ACTIVITY_EDIT, Permission.ORG_ACTIVITY_EDIT_OWN)
  @ApiOperation({ summary: 'Create an open activity; an AGENT creates only activities it owns.' })
  @ApiProblems(400, 401, 403, 404)
  async create(@Body() dto: CreateActivityDto): Promise<ActivityResponse> {
    const activity = await this.commandBus.execute<CreateActivityCommand, ActivityEntity>(
      new CreateActivityCommand(dto),
    );
    return this.view(activity.id);
  }

  @Patch(':id')
  @RequirePermissions(Permission.ORG_ACTIVITY_EDIT, Permission.ORG_ACTIVITY_EDIT_OWN)
  @ApiOperation({ summary: 'Change the fields sent (not completion); an AGENT only on activities it owns.' })
  @ApiProblems(400, 401, 403, 404, 412)
  async update(@IdParam() id: string, @Body() dto: UpdateActivityDto): Promise<ActivityResponse> {
    await this.commandBus.execute(new UpdateActivityCommand(id, dto));
    return this.view(id);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @RequirePermissions(Permission.ORG_ACTIVITY_EDIT, Permission.ORG_ACTIVITY_EDIT_OWN)
  @ApiOperation({ summary: 'Mark an open activity done, now or at `completedAt`; a completed one is a 409.' })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async complete(@IdParam() id: string, @Body() dto: CompleteActivityDto): Promise<ActivityResponse> {
    await this.commandBus.execute(new CompleteActivityCommand(id, dto.completedAt));
    return this.view(id);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @RequirePermissions(Permission.ORG_ACTIVITY_EDIT, Permission.ORG_ACTIVITY_EDIT_OWN)
  @ApiOperation({ summary: 'Open a completed activity again; an open one is a 409.' })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async reopen(@IdParam() id: string): Promise<ActivityResponse> {
    await this.commandBus.execute(new ReopenActivityCommand(id));
    return this.view(id);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions(Permission.ORG_ACTIVITY_EDIT)
  @ApiOperation({ summary: 'Delete an activity (soft).' })
  @ApiProblems(400, 401, 403, 404, 412)
  async remove(@IdParam() id: string): Promise<void> {
    await this.commandBus.execute(new DeleteActivityCommand(id));
  }

  private async view(id: string): Promise<ActivityResponse> {
    return ActivityResponse.from(
      await this.queryBus.execute<GetActivityQuery, ActivityEntity>(new GetActivityQuery(id)),
    );
  }
}
