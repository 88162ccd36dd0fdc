import { Inject, Injectable } from '@nestjs/common';
import { deriveMfaKey } from '../auth/mfa/mfa-key';
import { openSecret, sealSecret } from '../auth/sealed-secret';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';

/** Seals webhook signing secrets at rest (AES-256-GCM, bound to the webhook's id). */
@Injectable()
export class WebhookSecrets {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = deriveMfaKey(config, 'webhook-secret');
  }

  seal(secret: string, webhookId: string): string {
    return sealSecret(this.key, secret, webhookId);
  }

  open(sealed: string, webhookId: string): string {
    return openSecret(this.key, sealed, webhookId);
  }
}
