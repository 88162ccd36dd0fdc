import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put, Query, UseInterceptors } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import {
  ApiTag,
  ApiPageResponse,
  ApiProblems,
  BracketQueryInterceptor,
  CrmRoute,
  IdParam,
  Page,
  Permission,
  RequirePermissions,
} from '@clientele/core';
import { AddStageCommand } from './commands/add-stage.command';
import { CreatePipelineCommand } from './commands/create-pipeline.command';
import { DeletePipelineCommand } from './commands/delete-pipeline.command';
import { DeleteStageCommand } from './commands/delete-stage.command';
import { ReorderStagesCommand } from './commands/reorder-stages.command';
import { UpdatePipelineCommand } from './commands/update-pipeline.command';
import { UpdateStageCommand } from './commands/update-stage.command';
import { CreatePipelineDto } from './dto/create-pipeline.dto';
import { AddStageDto } from './dto/create-stage.dto';
import { ListPipelinesParams } from './dto/list-pipelines.params';
import { MoveToParams } from './dto/move-to.params';
import { PipelinePaginationParams } from './dto/pipeline-pagination.params';
import { PipelineResponse } from './dto/pipeline.response';
import { ReorderStagesDto } from './dto/reorder-stages.dto';
import { StageResponse } from './dto/stage.response';
import { UpdatePipelineDto } from './dto/update-pipeline.dto';
import { UpdateStageDto } from './dto/update-stage.dto';
import type { PipelineStageEntity } from './entities/pipeline-stage.entity';
import type { PipelineView } from './pipeline-view';
import { GetPipelineQuery } from './queries/get-pipeline.query';
import { GetStageQuery } from './queries/get-stage.query';
import { ListPipelinesQuery } from './queries/list-pipelines.query';

/**
 * Sales pipelines and their ordered stages. Reading needs `ORG_PIPELINE_VIEW`, every change
 * `ORG_PIPELINE_EDIT` (ADMIN and MANAGER). The deals of a pipeline are `GET pipelines/:id/deals`
 * (deals module).
 */
@ApiTag(
  'pipelines',
  'Sales pipelines and their stages (OPEN, WON, LOST), in order; Gauzy’s pagination; deleting never cascades.',
)
@ApiBearerAuth()
@CrmRoute()
@Controller('pipelines')
export class PipelinesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @RequirePermissions(Permission.ORG_PIPELINE_VIEW)
  @ApiOperation({ summary: 'Pipelines with their stages in order, oldest (the default one) first.' })
  @ApiPageResponse(PipelineResponse)
  @ApiProblems(400, 401, 403, 404)
  list(@Query() params: ListPipelinesParams): Promise<Page<PipelineResponse>> {
    return this.page(params);
  }

  @Get('pagination')
  @UseInterceptors(BracketQueryInterceptor)
  @RequirePermissions(Permission.ORG_PIPELINE_VIEW)
  @ApiOperation({ summary: 'Gauzy-style: take/skip, where[name|organizationId|tenantId], relations[]=stages.' })
  @ApiPageResponse(PipelineResponse)
  @ApiProblems(400, 401, 403, 404)
  pagination(@Query() params: PipelinePaginationParams): Promise<Page<PipelineResponse>> {
    return this.page(params.toListParams());
  }

  @Get(':id')
  @RequirePermissions(Permission.ORG_PIPELINE_VIEW)
  @ApiOperation({ summary: 'One pipeline with its stages.' })
  @ApiProblems(400, 401, 403, 404)
  async get(@IdParam() id: string): Promise<PipelineResponse> {
    return PipelineResponse.from(await this.queryBus.execute<GetPipelineQuery, PipelineView>(new GetPipelineQuery(id)));
  }

  @Post()
  @RequirePermissions(Permission.ORG_PIPELINE_EDIT)
  @ApiOperation({
    summary: 'Create a pipeline: stages in order (≥ 1 OPEN, one WON, one LOST), or the default six when left out.',
  })
  @ApiProblems(400, 401, 403, 404, 409)
  async create(@Body() dto: CreatePipelineDto): Promise<PipelineResponse> {
    return PipelineResponse.from(
      await this.commandBus.execute<CreatePipelineCommand, PipelineView>(new CreatePipelineCommand(dto)),
    );
  }

  @Patch(':id')
  @RequirePermissions(Permission.ORG_PIPELINE_EDIT)
  @ApiOperation({ summary: 'Rename a pipeline.' })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async update(@IdParam() id: string, @Body() dto: UpdatePipelineDto): Promise<PipelineResponse> {
    return PipelineResponse.from(
      await this.commandBus.execute<UpdatePipelineCommand, PipelineView>(new UpdatePipelineCommand(id, dto)),
    );
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions(Permission.ORG_PIPELINE_EDIT)
  @ApiOperation({
    summary: 'Delete a pipeline (soft). With deals it needs ?moveTo=<OPEN stage of another pipeline>, else 409.',
  })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async remove(@IdParam() id: string, @Query() params: MoveToParams): Promise<void> {
    await this.commandBus.execute(new DeletePipelineCommand(id, params.moveTo));
  }

  @Get(':id/stages')
  @RequirePermissions(Permission.ORG_PIPELINE_VIEW)
  @ApiOperation({ summary: 'The stages of a pipeline in order.' })
  @ApiPageResponse(StageResponse)
  @ApiProblems(400, 401, 403, 404)
  async stages(@IdParam() id: string): Promise<Page<StageResponse>> {
    const { stages } = await this.queryBus.execute<GetPipelineQuery, PipelineView>(new GetPipelineQuery(id));
    return new Page(
      stages.map((stage) => StageResponse.from(stage)),
      stages.length,
    );
  }

  @Put(':id/stages/order')
  @RequirePermissions(Permission.ORG_PIPELINE_EDIT)
  @ApiOperation({ summary: 'Reorder the stages in one atomic call: stageIds names every stage once, in order.' })
  @ApiProblems(400, 401, 403, 404, 412)
  async reorder(@IdParam() id: string, @Body() dto: ReorderStagesDto): Promise<PipelineResponse> {
    return PipelineResponse.from(
      await this.commandBus.execute<ReorderStagesCommand, PipelineView>(new ReorderStagesCommand(id, dto.stageIds)),
    );
  }

  @Get(':id/stages/:stageId')
  @RequirePermissions(Permission.ORG_PIPELINE_VIEW)
  @ApiOperation({ summary: 'One stage of the pipeline.' })
  @ApiProblems(400, 401, 403, 404)
  async stage(@IdParam() id: string, @IdParam('stageId') stageId: string): Promise<StageResponse> {
    return StageResponse.from(
      await this.queryBus.execute<GetStageQuery, PipelineStageEntity>(new GetStageQuery(id, stageId)),
    );
  }

  @Post(':id/stages')
  @RequirePermissions(Permission.ORG_PIPELINE_EDIT)
  @ApiOperation({ summary: 'Add a stage at `position` (default last).' })
  @ApiProblems(400, 401, 403, 404, 409)
  async addStage(@IdParam() id: string, @Body() dto: AddStageDto): Promise<StageResponse> {
    return StageResponse.from(
      await this.commandBus.execute<AddStageCommand, PipelineStageEntity>(new AddStageCommand(id, dto)),
    );
  }

  @Patch(':id/stages/:stageId')
  @RequirePermissions(Permission.ORG_PIPELINE_EDIT)
  @ApiOperation({ summary: 'Rename a stage, or change its probability or rotting threshold (its kind is fixed).' })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async updateStage(
    @IdParam() id: string,
    @IdParam('stageId') stageId: string,
    @Body() dto: UpdateStageDto,
  ): Promise<StageResponse> {
    return StageResponse.from(
      await this.commandBus.execute<UpdateStageCommand, PipelineStageEntity>(new UpdateStageCommand(id, stageId, dto)),
    );
  }

  @Delete(':id/stages/:stageId')
  @HttpCode(204)
  @RequirePermissions(Permission.ORG_PIPELINE_EDIT)
  @ApiOperation({ summary: 'Delete a stage (soft). With deals it needs ?moveTo=<another OPEN stage>, else 409.' })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async removeStage(
    @IdParam() id: string,
    @IdParam('stageId') stageId: string,
    @Query() params: MoveToParams,
  ): Promise<void> {
    await this.commandBus.execute(new DeleteStageCommand(id, stageId, params.moveTo));
  }

  private async page(params: ListPipelinesParams): Promise<Page<PipelineResponse>> {
    const page = await this.queryBus.execute<ListPipelinesQuery, Page<PipelineView>>(new ListPipelinesQuery(params));
    return page.map((view) => PipelineResponse.from(view));
  }
}
