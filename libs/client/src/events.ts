import type { components } from './schema';

/** One event, as the change feed, webhooks and JetStream carry it. */
export type ClienteleEvent = components['schemas']['ClienteleEvent'];
export type EventActor = components['schemas']['EventActor'];
/** A page of `GET /api/events`. */
export type EventPage = components['schemas']['EventPage'];

/** The JetStream subject of an event: `clientele.<tenantId>.<entity>.<verb>`. */
export function eventSubject(event: Pick<ClienteleEvent, 'tenantId' | 'type'>, prefix = 'clientele'): string {
  return `${prefix}.${event.tenantId}.${event.type}`;
}
