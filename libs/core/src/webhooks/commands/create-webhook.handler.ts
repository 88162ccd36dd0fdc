import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '../../database/unit-of-work';
import { eventTypeLike } from '../../events/event-type-pattern';
import { WebhookWithSecretResponse } from '../dto/webhook.response';
import { WebhookEntity } from '../entities/webhook.entity';
import { WebhookCreated, webhookSnapshot } from '../events/webhook.events';
import { newWebhookSecret } from '../webhook-signature';
import { WebhookSecrets } from '../webhook-secrets';
import { CreateWebhookCommand } from './create-webhook.command';

/**
 * A new webhook: each organization must be one where the actor manages webhooks (404 when not a
 * member, 403 without WEBHOOKS_MANAGE). It receives events from its creation on.
 */
@CommandHandler(CreateWebhookCommand)
export class CreateWebhookHandler implements ICommandHandler<CreateWebhookCommand, WebhookWithSecretResponse> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly secrets: WebhookSecrets,
  ) {}

  execute({ input }: CreateWebhookCommand): Promise<WebhookWithSecretResponse> {
    return this.uow.run(async (tx) => {
      const organizationIds = (input.organizationIds ?? [tx.scope.targetOrganizationId()]).map((id) =>
        id.toLowerCase(),
      );
      for (const organizationId of organizationIds) tx.scope.assertGranted(organizationId);
      const id = randomUUID();
      const secret = newWebhookSecret();
      const types = input.types ?? ['*'];
      const webhooks = tx.repository(WebhookEntity);
      const webhook = await webhooks.save(
        webhooks.create({
          id,
          url: input.url,
          description: input.description ?? null,
          types,
          typeLikes: types.map((pattern) => eventTypeLike(pattern)),
          fields: input.fields ?? null,
          omitFields: input.omitFields ?? [],
          organizationIds,
          secretSealed: this.secrets.seal(secret, id),
          previousSecretSealed: null,
          previousSecretExpiresAt: null,
          active: input.active ?? true,
          disabledReason: null,
          deadInARow: 0,
        }),
      );
      await tx.publish(WebhookCreated, { entityId: id, organizationId: null, after: webhookSnapshot(webhook) });
      return WebhookWithSecretResponse.withSecret(webhook, secret);
    });
  }
}
