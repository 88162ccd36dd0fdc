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
import { AssetSerialTakenError } from './asset-serial-taken.error';
import type { AssetView } from './asset-view';
import { CreateAssetCommand } from './commands/create-asset.command';
import { DeleteAssetCommand } from './commands/delete-asset.command';
import { UpdateAssetCommand } from './commands/update-asset.command';
import { AssetResponse } from './dto/asset.response';
import { CreateAssetDto } from './dto/create-asset.dto';
import { ListAssetsParams } from './dto/list-assets.params';
import { UpdateAssetDto } from './dto/update-asset.dto';
import type { AssetEntity } from './entities/asset.entity';
import { GetAssetQuery } from './queries/get-asset.query';
import { ListAssetsQuery } from './queries/list-assets.query';

const SERIAL_TAKEN = new AssetSerialTakenError(EXAMPLE_ID, 'SN-0042');
const CUSTOMER_NOT_FOUND = new NotFoundError('CUSTOMER', EXAMPLE_ID, 'customerId');
const CONTACT_NOT_FOUND = new NotFoundError('CONTACT', EXAMPLE_ID, 'contactId');

/**
 * A customer's assets. They are part of the customer record: reading needs `ORG_CUSTOMER_VIEW`,
 * writing `ORG_CUSTOMER_EDIT` (ADMIN and MANAGER; a VIEWER or an AGENT reads).
 */
@ApiTag(
  'assets',
  'Customers’ assets (workstations, servers, network gear, licences): serial number, RMM device id, last seen, the contact using it.',
)
@ApiBearerAuth()
@CrmRoute()
@Controller('assets')
export class AssetsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @RequirePermissions(Permission.ORG_CUSTOMER_VIEW)
  @ApiOperation({ summary: 'Assets, filtered by customer, contact, kind and `q` (name or serial number).' })
  @ApiPageResponse(AssetResponse)
  @ApiProblems(400, 401, 403, 404)
  async list(@Query() params: ListAssetsParams): Promise<Page<AssetResponse>> {
    const page = await this.queryBus.execute<ListAssetsQuery, Page<AssetView>>(new ListAssetsQuery(params));
    return page.map((view) => AssetResponse.from(view));
  }

  @Get(':id')
  @RequirePermissions(Permission.ORG_CUSTOMER_VIEW)
  @ApiOperation({ summary: 'One asset, with its contact (id, name, e-mail).' })
  @ApiProblems(400, 401, 403, 404)
  get(@IdParam() id: string): Promise<AssetResponse> {
    return this.view(id);
  }

  @Post()
  @RequirePermissions(Permission.ORG_CUSTOMER_EDIT)
  @ApiOperation({ summary: 'Record an asset of a customer; a serial number already used by the customer is a 409.' })
  @ApiProblems(400, 401, 403, 404, CUSTOMER_NOT_FOUND, CONTACT_NOT_FOUND, SERIAL_TAKEN)
  async create(@Body() dto: CreateAssetDto): Promise<AssetResponse> {
    const asset = await this.commandBus.execute<CreateAssetCommand, AssetEntity>(new CreateAssetCommand(dto));
    return this.view(asset.id);
  }

  @Patch(':id')
  @RequirePermissions(Permission.ORG_CUSTOMER_EDIT)
  @ApiOperation({ summary: 'Change the fields sent; `null` clears the contact, serial, RMM id or last seen.' })
  @ApiProblems(400, 401, 403, 404, CUSTOMER_NOT_FOUND, CONTACT_NOT_FOUND, SERIAL_TAKEN, 412)
  async update(@IdParam() id: string, @Body() dto: UpdateAssetDto): Promise<AssetResponse> {
    await this.commandBus.execute(new UpdateAssetCommand(id, dto));
    return this.view(id);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions(Permission.ORG_CUSTOMER_EDIT)
  @ApiOperation({ summary: 'Delete an asset (soft); its serial number is free again.' })
  @ApiProblems(400, 401, 403, 404, 412)
  async remove(@IdParam() id: string): Promise<void> {
    await this.commandBus.execute(new DeleteAssetCommand(id));
  }

  private async view(id: string): Promise<AssetResponse> {
    return AssetResponse.from(await this.queryBus.execute<GetAssetQuery, AssetView>(new GetAssetQuery(id)));
  }
}
