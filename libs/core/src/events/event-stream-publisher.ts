import type { ClienteleEvent } from './event-envelope';

/** Where the relay publishes: JetStream in production, a recorder in tests. */
export interface EventStreamPublisher {
  /**
   * Publishes one event and resolves once the stream has stored it (or had it already: the
   * stream drops a repeated event id). Rejects when the stream cannot be reached.
   */
  publish(subject: string, event: ClienteleEvent): Promise<void>;
}

/** `clientele.<tenantId>.<entity>.<verb>`, from the event's type (`contact.updated`); `NATS_SUBJECT_PREFIX` replaces `clientele`. */
export function eventSubject(event: Pick<ClienteleEvent, 'tenantId' | 'type'>, prefix = 'clientele'): string {
  return `${prefix}.${event.tenantId}.${event.type}`;
}
