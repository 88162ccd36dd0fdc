export { changeFeed, type ChangeFeedOptions, type ClienteleClient, type ClientOptions, createClient } from './client';
export { type ClienteleEvent, type EventActor, type EventPage, eventSubject } from './events';
export type { components, operations, paths } from './schema';
export { DEFAULT_TOLERANCE_SECONDS, SIGNATURE_HEADER, verifyWebhookSignature } from './webhook-signature';
