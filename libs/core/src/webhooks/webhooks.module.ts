import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CreateWebhookHandler } from './commands/create-webhook.handler';
import { DeleteWebhookHandler } from './commands/delete-webhook.handler';
import { RedeliverWebhookDeliveryHandler } from './commands/redeliver-webhook-delivery.handler';
import { RotateWebhookSecretHandler } from './commands/rotate-webhook-secret.handler';
import { TestWebhookHandler } from './commands/test-webhook.handler';
import { UpdateWebhookHandler } from './commands/update-webhook.handler';
import { GetWebhookHandler } from './queries/get-webhook.handler';
import { ListWebhookDeliveriesHandler } from './queries/list-webhook-deliveries.handler';
import { ListWebhooksHandler } from './queries/list-webhooks.handler';
import { WebhookDeliveryJob } from './webhook-delivery.job';
import { WebhookSecrets } from './webhook-secrets';
import { WebhooksController } from './webhooks.controller';

@Module({
  imports: [CqrsModule],
  controllers: [WebhooksController],
  providers: [
    WebhookSecrets,
    WebhookDeliveryJob,
    CreateWebhookHandler,
    UpdateWebhookHandler,
    DeleteWebhookHandler,
    RotateWebhookSecretHandler,
    TestWebhookHandler,
    RedeliverWebhookDeliveryHandler,
    GetWebhookHandler,
    ListWebhooksHandler,
    ListWebhookDeliveriesHandler,
  ],
  exports: [WebhookDeliveryJob],
})
export class WebhooksModule {}
