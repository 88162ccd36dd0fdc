import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
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
import type { DealView } from './deal-view';
import { DealResponse } from './dto/deal.response';
import { PipelineDealsParams } from './dto/pipeline-deals.params';
import { ListPipelineDealsQuery } from './queries/list-pipeline-deals.query';

/** Gauzy's "Pipeline & Deal Endpoints": a pipeline's deals, read by the module that owns deals. */
@ApiTag('pipelines')
@ApiBearerAuth()
@CrmRoute()
@Controller('pipelines')
export class PipelineDealsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id/deals')
  @RequirePermissions(Permission.ORG_DEAL_VIEW)
  @ApiOperation({ summary: 'The deals of a pipeline in stage order (Gauzy-compatible).' })
  @ApiPageResponse(DealResponse)
  @ApiProblems(400, 401, 403, 404)
  async deals(@IdParam() id: string, @Query() params: PipelineDealsParams): Promise<Page<DealResponse>> {
    const page = await this.queryBus.execute<ListPipelineDealsQuery, Page<DealView>>(
      new ListPipelineDealsQuery(id, params),
    );
    return page.map((view) => DealResponse.from(view));
  }
}
