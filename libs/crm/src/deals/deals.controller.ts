import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query, type StreamableFile } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { Readable } from 'node:stream';
import {
  ApiTag,
  ApiListOrExport,
  ApiProblems,
  CrmRoute,
  IdParam,
  listOrExport,
  type Page,
  Permission,
  RequirePermissions,
} from '@clientele/core';
import { TimelineParams, TimelineResponse, timelineResponse } from '../timeline';
import { CreateDealCommand } from './commands/create-deal.command';
import { DeleteDealCommand } from './commands/delete-deal.command';
import { MoveDealToStageCommand } from './commands/move-deal-to-stage.command';
import { ReopenDealCommand } from './commands/reopen-deal.command';
import { UpdateDealCommand } from './commands/update-deal.command';
import type { BoardColumn } from './deal-board';
import type { DealView } from './deal-view';
import { CreateDealDto } from './dto/create-deal.dto';
import { DealBoardParams } from './dto/deal-board.params';
import { DealBoardResponse } from './dto/deal-board.response';
import { DealForecastParams } from './dto/deal-forecast.params';
import { DealForecastResponse } from './dto/deal-forecast.response';
import { DEAL_EXPORT_COLUMNS } from './deal-export-columns';
import { DealResponse } from './dto/deal.response';
import { ListDealsParams } from './dto/list-deals.params';
import { MoveDealToStageDto } from './dto/move-deal-to-stage.dto';
import { ReopenDealDto } from './dto/reopen-deal.dto';
import { UpdateDealDto } from './dto/update-deal.dto';
import type { DealEntity } from './entities/deal.entity';
import { ExportDealsQuery } from './queries/export-deals.query';
import { GetDealBoardQuery } from './queries/get-deal-board.query';
import type { ForecastView } from './queries/get-deal-forecast.handler';
import { GetDealForecastQuery } from './queries/get-deal-forecast.query';
import { GetDealQuery } from './queries/get-deal.query';
import { ListDealsQuery } from './queries/list-deals.query';

/**
 * Deals. Reading needs `ORG_DEAL_VIEW`; ADMIN and MANAGER (`ORG_DEAL_EDIT`) write any deal; an
 * AGENT (`ORG_DEAL_EDIT_OWN`) creates deals it owns and changes its own; deleting needs `ORG_DEAL_EDIT`.
 */
@ApiTag(
  'deals',
  'Deals in pipeline stages: value and currency, owner, contact and customer; stage moves, won and lost, board and forecast.',
)
@ApiBearerAuth()
@CrmRoute()
@Controller('deals')
export class DealsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @RequirePermissions(Permission.ORG_DEAL_VIEW)
  @ApiListOrExport(
    DealResponse,
    'Deals, filtered by pipeline, stage, status, owner, contact, customer, tag, value, close date, rotting, q.',
    () => DEAL_EXPORT_COLUMNS,
  )
  list(@Query() params: ListDealsParams): Promise<Page<DealResponse> | StreamableFile> {
    return listOrExport(params.format, {
      file: 'deals',
      exportRows: (format) => this.queryBus.execute<ExportDealsQuery, Readable>(new ExportDealsQuery(params, format)),
      page: async () =>
        (await this.queryBus.execute<ListDealsQuery, Page<DealView>>(new ListDealsQuery(params))).map((view) =>
          DealResponse.from(view),
        ),
    });
  }

  @Get('board')
  @RequirePermissions(Permission.ORG_DEAL_VIEW)
  @ApiOperation({
    summary: 'A pipeline as a board: each stage with its first page of deals, its deal count and sums per currency.',
  })
  @ApiProblems(400, 401, 403, 404)
  async board(@Query() params: DealBoardParams): Promise<DealBoardResponse> {
    const columns = await this.queryBus.execute<GetDealBoardQuery, BoardColumn[]>(new GetDealBoardQuery(params));
    return {
      pipelineId: params.pipelineId.toLowerCase(),
      stages: columns.map(({ stage, dealCount, totals, page }) => ({
        id: stage.id,
        name: stage.name,
        kind: stage.kind,
        position: stage.position,
        probability: stage.probability,
        rottenAfterDays: stage.rottenAfterDays,
        dealCount,
        totals: [...totals],
        deals: page.items.map((view) => DealResponse.from(view)),
        nextCursor: page.nextCursor ?? null,
      })),
    };
  }

  @Get('forecast')
  @RequirePermissions(Permission.ORG_DEAL_VIEW)
  @ApiOperation({
    summary: 'Per month or quarter and currency: open value, weighted value (value × probability) and won value.',
    description:
      'Open deals count in the period of their expectedCloseDate, won deals in the period of their closedAt (UTC).',
  })
  @ApiProblems(400, 401, 403, 404)
  async forecast(@Query() params: DealForecastParams): Promise<DealForecastResponse> {
    const periods = await this.queryBus.execute<GetDealForecastQuery, ForecastView[]>(new GetDealForecastQuery(params));
    return {
      interval: params.interval ?? 'month',
      from: params.from,
      to: params.to,
      periods: periods.map(({ period, totals }) => ({
        period: period.key,
        start: period.start,
        end: period.end,
        totals: [...totals],
      })),
    };
  }

  @Get(':id')
  @RequirePermissions(Permission.ORG_DEAL_VIEW)
  @ApiOperation({ summary: 'One deal.' })
  @ApiProblems(400, 401, 403, 404)
  get(@IdParam() id: string): Promise<DealResponse> {
    return this.view(id);
  }

  @Get(':id/timeline')
  @RequirePermissions(Permission.ORG_DEAL_VIEW)
  @ApiOperation({
    summary: "The deal's timeline: its activities, notes, stage changes and field changes, newest first.",
  })
  @ApiOkResponse({ type: TimelineResponse })
  @ApiProblems(400, 401, 403, 404)
  async timeline(@IdParam() id: string, @Query() params: TimelineParams): Promise<TimelineResponse> {
    const { deal } = await this.queryBus.execute<GetDealQuery, DealView>(new GetDealQuery(id));
    return timelineResponse(
      this.queryBus,
      { entity: 'deal', id: deal.id, organizationId: deal.organizationId },
      params,
    );
  }

  @Post()
  @RequirePermissions(Permission.ORG_DEAL_EDIT, Permission.ORG_DEAL_EDIT_OWN)
  @ApiOperation({ summary: 'Create an open deal; an AGENT creates only deals it owns.' })
  @ApiProblems(400, 401, 403, 404)
  async create(@Body() dto: CreateDealDto): Promise<DealResponse> {
    const deal = await this.commandBus.execute<CreateDealCommand, DealEntity>(new CreateDealCommand(dto));
    return this.view(deal.id);
  }

  @Patch(':id')
  @RequirePermissions(Permission.ORG_DEAL_EDIT, Permission.ORG_DEAL_EDIT_OWN)
  @ApiOperation({ summary: 'Change the fields sent (not the stage); an AGENT only on deals it owns.' })
  @ApiProblems(400, 401, 403, 404, 412)
  async update(@IdParam() id: string, @Body() dto: UpdateDealDto): Promise<DealResponse> {
    await this.commandBus.execute(new UpdateDealCommand(id, dto));
    return this.view(id);
  }

  @Patch(':id/stage')
  @RequirePermissions(Permission.ORG_DEAL_EDIT, Permission.ORG_DEAL_EDIT_OWN)
  @ApiOperation({
    summary: 'Move a deal to a stage: the WON or LOST stage closes it; a closed deal moves only after reopen (409).',
    description: 'A LOST move needs `lostReason` when the organization’s `requireLostReason` setting is on (else 400).',
  })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async moveToStage(@IdParam() id: string, @Body() dto: MoveDealToStageDto): Promise<DealResponse> {
    await this.commandBus.execute(new MoveDealToStageCommand(id, dto.stageId, dto.lostReason));
    return this.view(id);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @RequirePermissions(Permission.ORG_DEAL_EDIT, Permission.ORG_DEAL_EDIT_OWN)
  @ApiOperation({
    summary: 'Open a WON or LOST deal again, in an OPEN stage (default: its pipeline’s last OPEN stage).',
  })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async reopen(@IdParam() id: string, @Body() dto: ReopenDealDto): Promise<DealResponse> {
    await this.commandBus.execute(new ReopenDealCommand(id, dto.stageId));
    return this.view(id);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions(Permission.ORG_DEAL_EDIT)
  @ApiOperation({ summary: 'Delete a deal (soft).' })
  @ApiProblems(400, 401, 403, 404, 412)
  async remove(@IdParam() id: string): Promise<void> {
    await this.commandBus.execute(new DeleteDealCommand(id));
  }

  private async view(id: string): Promise<DealResponse> {
    return DealResponse.from(await this.queryBus.execute<GetDealQuery, DealView>(new GetDealQuery(id)));
  }
}
