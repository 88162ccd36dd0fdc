import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '../../database/unit-of-work';
import { WebhookWithSecretResponse } from '../dto/webhook.response';
import { WebhookEntity } from '../entities/webhook.entity';
import { WebhookSecretRotated, webhookSnapshot } from '../events/webhook.events';
import { findManageableWebhook } from '../manageable-webhooks';
import { newWebhookSecret } from '../webhook-signature';
import { WebhookSecrets } from '../webhook-secrets';
import { RotateWebhookSecretCommand } from './rotate-webhook-secret.command';

/**
 * A new signing secret, shown once. For `overlapSeconds` the old one signs too (a second `v1=`
 * in `Clientele-Signature`), so receivers can switch without dropping a delivery.
 */
@CommandHandler(RotateWebhookSecretCommand)
export class RotateWebhookSecretHandler implements ICommandHandler<
  RotateWebhookSecretCommand,
  WebhookWithSecretResponse
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly secrets: WebhookSecrets,
  ) {}

  execute({ webhookId, overlapSeconds }: RotateWebhookSecretCommand): Promise<WebhookWithSecretResponse> {
    return this.uow.run(async (tx) => {
      const webhooks = tx.repository(WebhookEntity);
      const webhook = await findManageableWebhook(webhooks, webhookId, { forUpdate: true, withSecrets: true });
      const before = webhookSnapshot(webhook);
      const secret = newWebhookSecret();
      webhook.previousSecretSealed = overlapSeconds > 0 ? webhook.secretSealed : null;
      webhook.previousSecretExpiresAt = overlapSeconds > 0 ? new Date(Date.now() + overlapSeconds * 1000) : null;
      webhook.secretSealed = this.secrets.seal(secret, webhook.id);
      const saved = await webhooks.save(webhook);
      await tx.publish(WebhookSecretRotated, {
        entityId: webhook.id,
        organizationId: null,
        before,
        after: webhookSnapshot(saved),
      });
      return WebhookWithSecretResponse.withSecret(saved, secret);
    });
  }
}
