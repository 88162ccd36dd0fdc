import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '../../database/unit-of-work';
import { eventTypeLike } from '../../events/event-type-pattern';
import { WebhookResponse } from '../dto/webhook.response';
import { WebhookEntity } from '../entities/webhook.entity';
import { WebhookUpdated, webhookSnapshot } from '../events/webhook.events';
import { findManageableWebhook } from '../manageable-webhooks';
import { UpdateWebhookCommand } from './update-webhook.command';

/** Changes a webhook; switching it on again clears the reason it was disabled. */
@CommandHandler(UpdateWebhookCommand)
export class UpdateWebhookHandler implements ICommandHandler<UpdateWebhookCommand, WebhookResponse> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ webhookId, input }: UpdateWebhookCommand): Promise<WebhookResponse> {
    return this.uow.run(async (tx) => {
      const webhooks = tx.repository(WebhookEntity);
      const webhook = await findManageableWebhook(webhooks, webhookId, { forUpdate: true });
      const before = webhookSnapshot(webhook);
      if (input.organizationIds !== undefined) {
        const organizationIds = input.organizationIds.map((id) => id.toLowerCase());
        for (const organizationId of organizationIds) tx.scope.assertGranted(organizationId);
        webhook.organizationIds = organizationIds;
      }
      if (input.url !== undefined) webhook.url = input.url;
      if (input.description !== undefined) webhook.description = input.description;
      if (input.types !== undefined) {
        webhook.types = input.types;
        webhook.typeLikes = input.types.map((pattern) => eventTypeLike(pattern));
      }
      if (input.fields !== undefined) webhook.fields = input.fields;
      if (input.omitFields !== undefined) webhook.omitFields = input.omitFields;
      if (input.active !== undefined) {
        webhook.active = input.active;
        if (input.active) {
          webhook.disabledReason = null;
          webhook.deadInARow = 0;
        }
      }
      const saved = await webhooks.save(webhook);
      await tx.publish(WebhookUpdated, {
        entityId: webhook.id,
        organizationId: null,
        before,
        after: webhookSnapshot(saved),
      });
      return WebhookResponse.from(saved);
    });
  }
}
