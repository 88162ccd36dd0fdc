import { ApiProperty } from '@nestjs/swagger';
import type { WebhookEntity } from '../entities/webhook.entity';

/** A webhook without its secret. */
export class WebhookResponse {
  id: string;
  url: string;
  description: string | null;
  types: string[];
  /** Sent only when one of these changed; null for every change. */
  fields: string[] | null;
  omitFields: string[];
  organizationIds: string[];
  active: boolean;
  /** Why it was switched off automatically (deliveries dead-lettered in a row). */
  disabledReason: string | null;
  /** Until when the previous secret still signs, after a rotation. */
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  previousSecretExpiresAt: string | null;
  version: number;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: string;

  static from(webhook: WebhookEntity): WebhookResponse {
    return {
      id: webhook.id,
      url: webhook.url,
      description: webhook.description,
      types: [...webhook.types],
      fields: webhook.fields === null ? null : [...webhook.fields],
      omitFields: [...webhook.omitFields],
      organizationIds: [...webhook.organizationIds],
      active: webhook.active,
      disabledReason: webhook.disabledReason,
      previousSecretExpiresAt: webhook.previousSecretExpiresAt?.toISOString() ?? null,
      version: webhook.version,
      createdAt: webhook.createdAt.toISOString(),
      updatedAt: webhook.updatedAt.toISOString(),
    };
  }
}

/** The webhook with its signing secret: shown in this response only, never again. */
export class WebhookWithSecretResponse extends WebhookResponse {
  @ApiProperty({
    description: 'Verify `Clientele-Signature` with it. Store it now: it cannot be read back.',
    example: 'whsec_Ab12Cd34…',
  })
  secret: string;

  static withSecret(webhook: WebhookEntity, secret: string): WebhookWithSecretResponse {
    return { ...WebhookResponse.from(webhook), secret };
  }
}
