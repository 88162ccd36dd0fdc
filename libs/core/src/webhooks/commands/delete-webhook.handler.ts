import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '../../database/unit-of-work';
import { WebhookEntity } from '../entities/webhook.entity';
import { WebhookDeleted, webhookSnapshot } from '../events/webhook.events';
import { findManageableWebhook } from '../manageable-webhooks';
import { DeleteWebhookCommand } from './delete-webhook.command';

/** Deletes a webhook (soft): nothing more is sent to it, pending deliveries included. */
@CommandHandler(DeleteWebhookCommand)
export class DeleteWebhookHandler implements ICommandHandler<DeleteWebhookCommand, void> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ webhookId }: DeleteWebhookCommand): Promise<void> {
    return this.uow.run(async (tx) => {
      const webhooks = tx.repository(WebhookEntity);
      const webhook = await findManageableWebhook(webhooks, webhookId, { forUpdate: true });
      const before = webhookSnapshot(webhook);
      await webhooks.softRemove(webhook);
      await tx.publish(WebhookDeleted, { entityId: webhook.id, organizationId: null, before });
    });
  }
}
