import { defineEvent } from '../../events/event-definition';
import { TENANT_RECORD_FIELDS, tenantRecordSnapshot } from '../../events/record-snapshot';
import { type Infer, schema } from '../../events/schema';
import type { WebhookEntity } from '../entities/webhook.entity';

/**
 * A webhook as events and the audit trail carry it: never its secrets. Webhook events are not
 * registered in `EventVisibilities`, so no webhook or feed reader receives them; `webhook.tested`
 * is the ping `POST /webhooks/:id/test` sends to that one webhook.
 */
export const WEBHOOK_SNAPSHOT = schema.object({
  ...TENANT_RECORD_FIELDS,
  description: schema.nullable(schema.string()),
  url: schema.string(),
  types: schema.array(schema.string()),
  fields: schema.nullable(schema.array(schema.string())),
  omitFields: schema.array(schema.string()),
  organizationIds: schema.array(schema.uuid()),
  active: schema.boolean(),
  disabledReason: schema.nullable(schema.string()),
  previousSecretExpiresAt: schema.nullable(schema.timestamp()),
});
export type WebhookSnapshot = Infer<typeof WEBHOOK_SNAPSHOT>;

export function webhookSnapshot(webhook: WebhookEntity): WebhookSnapshot {
  return {
    ...tenantRecordSnapshot(webhook),
    description: webhook.description,
    url: webhook.url,
    types: [...webhook.types],
    fields: webhook.fields === null ? null : [...webhook.fields],
    omitFields: [...webhook.omitFields],
    organizationIds: [...webhook.organizationIds],
    active: webhook.active,
    disabledReason: webhook.disabledReason,
    previousSecretExpiresAt: webhook.previousSecretExpiresAt ?? null,
  };
}

export const WebhookCreated = defineEvent('webhook.created', 1, WEBHOOK_SNAPSHOT);
export const WebhookUpdated = defineEvent('webhook.updated', 1, WEBHOOK_SNAPSHOT);
export const WebhookDeleted = defineEvent('webhook.deleted', 1, WEBHOOK_SNAPSHOT);
export const WebhookSecretRotated = defineEvent('webhook.secret_rotated', 1, WEBHOOK_SNAPSHOT);
export const WebhookTested = defineEvent('webhook.tested', 1, WEBHOOK_SNAPSHOT);
