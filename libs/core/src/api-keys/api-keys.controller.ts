import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import { ApiProblems } from '../errors/api-problems.decorator';
import { IdParam } from '../errors/id-param.decorator';
import { ApiPageResponse, type Page } from '../pagination/page';
import { Permission } from '../permissions/permission.enum';
import { RequirePermissions } from '../permissions/permissions.decorator';
import { CreateApiKeyCommand } from './commands/create-api-key.command';
import { RevokeApiKeyCommand } from './commands/revoke-api-key.command';
import { ApiKeyResponse } from './dto/api-key.response';
import { CreateApiKeyDto } from './dto/create-api-key.dto';
import { CreatedApiKeyResponse } from './dto/created-api-key.response';
import { ListApiKeysParams } from './dto/list-api-keys.params';
import type { ApiKeyEntity } from './entities/api-key.entity';
import { ListApiKeysQuery } from './queries/list-api-keys.query';
import { ApiTag } from '../openapi/api-tag.decorator';

/** Service API keys for other internal services: `Authorization: Bearer ck_…`. */
@ApiTag('api-keys', 'API keys for machine clients: create with the grants they need, list, revoke.')
@ApiBearerAuth()
@RequirePermissions(Permission.API_KEYS_MANAGE)
@Controller('api-keys')
export class ApiKeysController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Create a key limited to some grants in some organizations; the secret is shown only in this response.',
  })
  @ApiProblems(400, 401, 403, 404, 409)
  create(@Body() dto: CreateApiKeyDto): Promise<CreatedApiKeyResponse> {
    return this.commandBus.execute<CreateApiKeyCommand, CreatedApiKeyResponse>(new CreateApiKeyCommand(dto));
  }

  @Get()
  @ApiOperation({ summary: 'Keys of the organizations you manage keys in, without secrets.' })
  @ApiPageResponse(ApiKeyResponse)
  @ApiProblems(400, 401, 403)
  async list(@Query() params: ListApiKeysParams): Promise<Page<ApiKeyResponse>> {
    const page = await this.queryBus.execute<ListApiKeysQuery, Page<ApiKeyEntity>>(new ListApiKeysQuery(params));
    return page.map((key) => ApiKeyResponse.from(key));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a key: its next request answers 401.' })
  @ApiProblems(400, 401, 403, 404)
  async revoke(@IdParam() id: string): Promise<void> {
    await this.commandBus.execute(new RevokeApiKeyCommand(id));
  }
}
