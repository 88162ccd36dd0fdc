import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import { ApiTag } from '../openapi/api-tag.decorator';
import { ApiProblems } from '../errors/api-problems.decorator';
import { IdParam } from '../errors/id-param.decorator';
import { ApiPageResponse, type Page } from '../pagination/page';
import { Permission } from '../permissions/permission.enum';
import { RequirePermissions } from '../permissions/permissions.decorator';
import { CreateWebhookCommand } from './commands/create-webhook.command';
import { DeleteWebhookCommand } from './commands/delete-webhook.command';
import { RedeliverWebhookDeliveryCommand } from './commands/redeliver-webhook-delivery.command';
import { RotateWebhookSecretCommand } from './commands/rotate-webhook-secret.command';
import { TestWebhookCommand } from './commands/test-webhook.command';
import { UpdateWebhookCommand } from './commands/update-webhook.command';
import { CreateWebhookDto } from './dto/create-webhook.dto';
import { ListWebhookDeliveriesParams } from './dto/list-webhook-deliveries.params';
import { ListWebhooksParams } from './dto/list-webhooks.params';
import { RotateWebhookSecretDto } from './dto/rotate-webhook-secret.dto';
import { UpdateWebhookDto } from './dto/update-webhook.dto';
import { WebhookDeliveryResponse } from './dto/webhook-delivery.response';
import { WebhookResponse, WebhookWithSecretResponse } from './dto/webhook.response';
import type { WebhookDeliveryEntity } from './entities/webhook-delivery.entity';
import type { WebhookEntity } from './entities/webhook.entity';
import { GetWebhookQuery } from './queries/get-webhook.query';
import { ListWebhookDeliveriesQuery } from './queries/list-webhook-deliveries.query';
import { ListWebhooksQuery } from './queries/list-webhooks.query';

const ONE_DAY = 86_400;

/**
 * Signed webhooks for other services: each matching event is POSTed with
 * `Clientele-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "t.body">`, retried with backoff,
 * dead-lettered after the last attempt.
 */
@ApiTag(
  'webhooks',
  'Signed webhooks: subscriptions by event type and field, deliveries with retries, redelivery and test pings.',
)
@ApiBearerAuth()
@RequirePermissions(Permission.WEBHOOKS_MANAGE)
@Controller('webhooks')
export class WebhooksController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Subscribe a URL to events; the signing secret is shown only in this response.' })
  @ApiProblems(400, 401, 403, 404)
  create(@Body() dto: CreateWebhookDto): Promise<WebhookWithSecretResponse> {
    return this.commandBus.execute<CreateWebhookCommand, WebhookWithSecretResponse>(new CreateWebhookCommand(dto));
  }

  @Get()
  @ApiOperation({ summary: 'Webhooks of the organizations you manage webhooks in, without secrets.' })
  @ApiPageResponse(WebhookResponse)
  @ApiProblems(400, 401, 403)
  async list(@Query() params: ListWebhooksParams): Promise<Page<WebhookResponse>> {
    const page = await this.queryBus.execute<ListWebhooksQuery, Page<WebhookEntity>>(new ListWebhooksQuery(params));
    return page.map((webhook) => WebhookResponse.from(webhook));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One webhook, without its secret, with why it was disabled if it was.' })
  @ApiProblems(400, 401, 403, 404)
  async get(@IdParam() id: string): Promise<WebhookResponse> {
    return WebhookResponse.from(await this.queryBus.execute<GetWebhookQuery, WebhookEntity>(new GetWebhookQuery(id)));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a webhook; `active: true` switches a disabled one back on.' })
  @ApiProblems(400, 401, 403, 404, 412)
  update(@IdParam() id: string, @Body() dto: UpdateWebhookDto): Promise<WebhookResponse> {
    return this.commandBus.execute<UpdateWebhookCommand, WebhookResponse>(new UpdateWebhookCommand(id, dto));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a webhook: nothing more is sent to it, and its pending deliveries stop.' })
  @ApiProblems(400, 401, 403, 404, 412)
  async remove(@IdParam() id: string): Promise<void> {
    await this.commandBus.execute(new DeleteWebhookCommand(id));
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @ApiOperation({
    summary: 'A new signing secret, shown once; the old one keeps signing for `overlapSeconds` (default a day).',
  })
  @ApiProblems(400, 401, 403, 404)
  rotateSecret(@IdParam() id: string, @Body() dto: RotateWebhookSecretDto): Promise<WebhookWithSecretResponse> {
    return this.commandBus.execute<RotateWebhookSecretCommand, WebhookWithSecretResponse>(
      new RotateWebhookSecretCommand(id, dto.overlapSeconds ?? ONE_DAY),
    );
  }

  @Post(':id/test')
  @HttpCode(202)
  @ApiOperation({ summary: 'Queue a signed `webhook.tested` ping to this webhook; see its delivery log.' })
  @ApiProblems(400, 401, 403, 404)
  test(@IdParam() id: string): Promise<WebhookDeliveryResponse> {
    return this.commandBus.execute<TestWebhookCommand, WebhookDeliveryResponse>(new TestWebhookCommand(id));
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'The delivery log: status, attempts, response code and start of body, timing.' })
  @ApiPageResponse(WebhookDeliveryResponse)
  @ApiProblems(400, 401, 403, 404)
  async deliveries(
    @IdParam() id: string,
    @Query() params: ListWebhookDeliveriesParams,
  ): Promise<Page<WebhookDeliveryResponse>> {
    const page = await this.queryBus.execute<ListWebhookDeliveriesQuery, Page<WebhookDeliveryEntity>>(
      new ListWebhookDeliveriesQuery(id, params),
    );
    return page.map((delivery) => WebhookDeliveryResponse.from(delivery));
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a delivered or dead-lettered event again, as a new delivery.' })
  @ApiProblems(400, 401, 403, 404, 409)
  redeliver(@IdParam() id: string, @IdParam('deliveryId') deliveryId: string): Promise<WebhookDeliveryResponse> {
    return this.commandBus.execute<RedeliverWebhookDeliveryCommand, WebhookDeliveryResponse>(
      new RedeliverWebhookDeliveryCommand(id, deliveryId),
    );
  }
}
