import { NotFoundError } from '../errors/domain-error';
import { withinGrantedOrganizations } from '../tenancy/granted-organization-set';
import type { ScopedRepository } from '../tenancy/scoped-repository';
import type { WebhookEntity } from './entities/webhook.entity';

/**
 * The webhook by id among those the actor manages (WEBHOOKS_MANAGE in each of its
 * organizations); a 404 naming it otherwise. `forUpdate` locks it for the transaction.
 */
export async function findManageableWebhook(
  webhooks: ScopedRepository<WebhookEntity>,
  id: string,
  options: { forUpdate?: boolean; withSecrets?: boolean } = {},
): Promise<WebhookEntity> {
  const qb = withinGrantedOrganizations(webhooks, 'webhook').andWhere('webhook.id = :id', { id });
  if (options.withSecrets === true) qb.addSelect(['webhook.secretSealed', 'webhook.previousSecretSealed']);
  if (options.forUpdate === true) qb.setLock('pessimistic_write');
  const webhook = await qb.getOne();
  if (webhook === null) throw new NotFoundError('WEBHOOK', id);
  return webhook;
}
