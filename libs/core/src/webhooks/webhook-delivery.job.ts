import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { eventEnvelope, type OutboxEventRow, outboxEventColumns } from '../events/event-envelope';
import { EventVisibilities } from '../events/event-visibility';
import { JobRegistry } from '../scheduler/job-registry';
import { sendWebhook } from './webhook-sender';
import { SIGNATURE_HEADER, signatureHeader } from './webhook-signature';
import { WebhookSecrets } from './webhook-secrets';

/** Events one run fans out at most. */
const FANOUT_BATCH = 1_000;
/** Webhooks served in parallel in one run. */
const PARALLEL_WEBHOOKS = 20;
/** Deliveries one webhook gets in a row in one run, while they succeed. */
const PER_WEBHOOK_RUN = 50;
/** No new attempt starts after this much of a run (the run holds its job transaction). */
const RUN_BUDGET_MS = 10_000;
const ERROR_LIMIT = 500;

/** The manager's `query`, one statement at a time (a pg client runs one query at once). */
function serialized(manager: EntityManager): Pick<EntityManager, 'query'> {
  let turn: Promise<unknown> = Promise.resolve();
  return {
    query: <T>(sql: string, parameters?: unknown[]): Promise<T> => {
      const next = turn.then(() => manager.query<T>(sql, parameters));
      turn = next.catch(() => undefined);
      return next;
    },
  };
}

type Queries = Pick<EntityManager, 'query'>;

interface DueDelivery extends OutboxEventRow {
  delivery_id: string;
  webhook_id: string;
  attempts: number;
  url: string;
  omit_fields: string[];
  secret_sealed: string;
  previous_secret_sealed: string | null;
  previous_secret_expires_at: Date | null;
}

/**
 * Webhooks' fan-out and sender, as one scheduler job (one process at a time):
 *
 * 1. Fan-out: each sequenced event after `webhook_fanout.last_sequence` becomes a PENDING
 *    delivery for every active webhook whose organizations, type patterns and field filter
 *    match (only entities in `EventVisibilities`; events from before the webhook was created
 *    are not sent). The unique index makes a repeated fan-out a no-op.
 * 2. Sending: per webhook, the oldest pending delivery is sent when due, then the next, while
 *    they succeed: a webhook's events arrive in sequence order, and one being retried holds the
 *    ones after it back until it is delivered or dead-lettered. A failure is retried with
 *    exponential backoff and jitter; after `maxAttempts` it is DEAD, and after
 *    `disableAfterDead` dead deliveries in a row the webhook is switched off with the reason.
 *
 * Delivery is at least once: a process dying after the receiver answered and before the run
 * commits sends that event again. Receivers deduplicate on `Clientele-Event-Id`.
 */
@Injectable()
export class WebhookDeliveryJob implements OnModuleInit {
  static readonly NAME = 'webhooks.deliver';
  private readonly logger = new Logger('Webhooks');

  constructor(
    private readonly jobs: JobRegistry,
    private readonly secrets: WebhookSecrets,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: WebhookDeliveryJob.NAME,
      everyMs: this.config.webhooks.deliveryIntervalMs,
      run: async ({ manager, signal }) => {
        await this.fanOut(manager);
        await this.deliverDue(manager, signal);
      },
    });
  }

  /** Queues deliveries for the events sequenced since the last fan-out; returns how many. */
  async fanOut(manager: EntityManager): Promise<number> {
    const [{ queued }] = await manager.query<{ queued: number }[]>(
      `WITH cursor AS (SELECT last_sequence FROM webhook_fanout FOR UPDATE),
       batch AS (
         SELECT event.* FROM outbox_event event, cursor
          WHERE event.sequence > cursor.last_sequence
          ORDER BY event.sequence
          LIMIT $1
       ), queued AS (
         INSERT INTO outbox_delivery (tenant_id, outbox_event_id, sequence, destination, webhook_id, next_attempt_at)
         -- Truncated: the column keeps milliseconds, and a value rounded up would not be due in this run.
         SELECT batch.tenant_id, batch.id, batch.sequence, 'webhook:' || webhook.id, webhook.id,
                date_trunc('milliseconds', now())
           FROM batch
           JOIN webhook ON webhook.tenant_id = batch.tenant_id
          WHERE webhook.active AND webhook.deleted_at IS NULL
            AND batch.entity = ANY($2::text[])
            AND batch.organization_id = ANY(webhook.organization_ids)
            AND batch.type LIKE ANY(webhook.type_likes)
            AND (webhook.fields IS NULL OR batch.changed_fields IS NULL OR batch.changed_fields && webhook.fields)
            AND batch.occurred_at >= webhook.created_at
          ORDER BY batch.sequence, webhook.id
         ON CONFLICT DO NOTHING
         RETURNING 1
       ), moved AS (
         UPDATE webhook_fanout SET last_sequence = (SELECT max(sequence) FROM batch) WHERE EXISTS (SELECT 1 FROM batch)
       )
       SELECT (SELECT count(*) FROM queued)::int AS queued`,
      [FANOUT_BATCH, EventVisibilities.keys()],
    );
    return queued;
  }

  /** Sends what is due; returns how many attempts were made. On shutdown (`signal`) the attempts in flight finish and no new one starts. */
  async deliverDue(transaction: EntityManager, signal?: AbortSignal): Promise<number> {
    const deadline = Date.now() + RUN_BUDGET_MS;
    // Requests go out in parallel; the transaction's one connection takes their statements in turn.
    const manager = serialized(transaction);
    const heads = await this.due(manager, PARALLEL_WEBHOOKS);
    const counts = await Promise.all(
      heads.map(async (head) => {
        let attempts = 0;
        for (let next: DueDelivery | undefined = head; next !== undefined;) {
          attempts += 1;
          const delivered = await this.attempt(manager, next);
          if (!delivered || attempts >= PER_WEBHOOK_RUN || Date.now() > deadline || signal?.aborted === true) break;
          [next] = await this.due(manager, 1, next.webhook_id);
        }
        return attempts;
      }),
    );
    return counts.reduce((sum, count) => sum + count, 0);
  }

  /** Each webhook's oldest pending delivery, when it is due and its event is sequenced. */
  private due(manager: Queries, limit: number, webhookId?: string): Promise<DueDelivery[]> {
    return manager.query(
      `SELECT head.id AS delivery_id, head.webhook_id, head.attempts, webhook.url, webhook.omit_fields,
              webhook.secret_sealed, webhook.previous_secret_sealed, webhook.previous_secret_expires_at,
              ${outboxEventColumns('event')}
         FROM (SELECT DISTINCT ON (webhook_id) id, tenant_id, webhook_id, outbox_event_id, attempts, next_attempt_at
                 FROM outbox_delivery
                WHERE status = 'PENDING' AND webhook_id IS NOT NULL AND ($2::uuid IS NULL OR webhook_id = $2)
                ORDER BY webhook_id, ordinal) head
         JOIN webhook ON webhook.id = head.webhook_id AND webhook.active AND webhook.deleted_at IS NULL
         JOIN outbox_event event ON event.tenant_id = head.tenant_id AND event.id = head.outbox_event_id
        WHERE head.next_attempt_at <= now() AND event.sequence IS NOT NULL
        LIMIT $1`,
      [limit, webhookId ?? null],
    );
  }

  /** One attempt, recorded; true when the receiver answered 2xx. */
  private async attempt(manager: Queries, delivery: DueDelivery): Promise<boolean> {
    const body = JSON.stringify(eventEnvelope(delivery, delivery.omit_fields));
    const started = Date.now();
    let status: number | null = null;
    let responseBody: string | null = null;
    let error: string | null = null;
    try {
      const response = await sendWebhook(delivery.url, body, this.headers(delivery, body), {
        timeoutMs: this.config.webhooks.timeoutMs,
        allowPrivateTargets: this.config.webhooks.allowPrivateTargets,
      });
      status = response.status;
      responseBody = response.body;
      if (status < 200 || status >= 300) error = `Answered HTTP ${status}`;
    } catch (failure: unknown) {
      error = (failure instanceof Error ? failure.message : String(failure)).slice(0, ERROR_LIMIT);
    }
    const durationMs = Date.now() - started;
    if (error === null) {
      await manager.query(
        `WITH delivered AS (
           UPDATE outbox_delivery SET status = 'DELIVERED', attempts = attempts + 1, delivered_at = now(),
                  last_attempt_at = now(), response_status = $2, response_body = $3, duration_ms = $4,
                  last_error = NULL, next_attempt_at = NULL
            WHERE id = $1
         )
         UPDATE webhook SET dead_in_a_row = 0 WHERE id = $5 AND dead_in_a_row <> 0`,
        [delivery.delivery_id, status, responseBody, durationMs, delivery.webhook_id],
      );
      return true;
    }
    const attempts = delivery.attempts + 1;
    const { maxAttempts, disableAfterDead } = this.config.webhooks;
    if (attempts < maxAttempts) {
      await manager.query(
        `UPDATE outbox_delivery SET attempts = $2, last_attempt_at = now(), response_status = $3, response_body = $4,
                duration_ms = $5, last_error = $6, next_attempt_at = now() + make_interval(secs => $7::double precision / 1000)
          WHERE id = $1`,
        [delivery.delivery_id, attempts, status, responseBody, durationMs, error, this.backoffMs(attempts)],
      );
      return false;
    }
    this.logger.warn({ webhookId: delivery.webhook_id, deliveryId: delivery.delivery_id, error }, 'Delivery dead');
    await manager.query(
      `WITH dead AS (
         UPDATE outbox_delivery SET status = 'DEAD', attempts = $2, last_attempt_at = now(), response_status = $3,
                response_body = $4, duration_ms = $5, last_error = $6, next_attempt_at = NULL
          WHERE id = $1
       )
       UPDATE webhook SET dead_in_a_row = dead_in_a_row + 1,
              active = dead_in_a_row + 1 < $8,
              disabled_reason = CASE WHEN dead_in_a_row + 1 >= $8
                THEN format('Disabled after %s deliveries in a row failed %s times each; last error: %s', $8, $2, $6)
                ELSE disabled_reason END
        WHERE id = $7`,
      [delivery.delivery_id, attempts, status, responseBody, durationMs, error, delivery.webhook_id, disableAfterDead],
    );
    return false;
  }

  /** The delay before attempt `failures + 1`: doubling from the base, capped, half of it random. */
  private backoffMs(failures: number): number {
    const { retryBaseMs, retryMaxMs } = this.config.webhooks;
    const delay = Math.min(retryBaseMs * 2 ** (failures - 1), retryMaxMs);
    return delay / 2 + Math.random() * (delay / 2);
  }

  private headers(delivery: DueDelivery, body: string): Record<string, string> {
    const secrets = [this.secrets.open(delivery.secret_sealed, delivery.webhook_id)];
    if (
      delivery.previous_secret_sealed !== null &&
      delivery.previous_secret_expires_at !== null &&
      delivery.previous_secret_expires_at.getTime() > Date.now()
    ) {
      secrets.push(this.secrets.open(delivery.previous_secret_sealed, delivery.webhook_id));
    }
    return {
      'content-type': 'application/json',
      'user-agent': 'Clientele-Webhooks/1',
      'clientele-event-id': delivery.id,
      'clientele-event-type': delivery.type,
      'clientele-delivery-id': delivery.delivery_id,
      [SIGNATURE_HEADER.toLowerCase()]: signatureHeader(secrets, Math.floor(Date.now() / 1000), body),
    };
  }
}
