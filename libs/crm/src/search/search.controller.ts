import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiProblems, ApiTag, CrmRoute, Permission, RequirePermissions } from '@clientele/core';
import { DEFAULT_SEARCH_LIMIT, SearchParams } from './dto/search.params';
import { SearchResponse } from './dto/search.response';
import { SearchCrmQuery } from './queries/search-crm.query';
import type { SearchResults } from './search-hit';
import { SearchSections } from './search-sections';

@ApiTag(
  'crm search',
  'One search box across contacts and customers, ranked, with the matching sections of each record.',
)
@ApiBearerAuth()
@CrmRoute()
@Controller('crm/search')
export class SearchController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @RequirePermissions(Permission.ALL_ORG_VIEW, Permission.ORG_CONTACT_VIEW)
  @ApiOperation({
    summary: 'Search contacts (name, e-mail, phone, company), customers (name, domain) and deals (title).',
    description:
      'Typo-tolerant and ranked per section: an exact e-mail or domain match first, then by score. ' +
      'Spans every organization you may view unless `organizationId` or `X-Organization-Id` names one.',
  })
  @ApiOkResponse({ type: SearchResponse })
  @ApiProblems(400, 401, 403, 404)
  async search(@Query() params: SearchParams): Promise<SearchResponse> {
    const results = await this.queryBus.execute<SearchCrmQuery, SearchResults>(
      new SearchCrmQuery(params.q, params.limit ?? DEFAULT_SEARCH_LIMIT, params.types ?? SearchSections.keys()),
    );
    return SearchResponse.from(results);
  }
}
