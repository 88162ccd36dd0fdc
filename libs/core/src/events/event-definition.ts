import type { Infer, JsonSchema, Schema } from './schema';

/**
 * A domain event, declared once next to the module that emits it: its type
 * (`<entity>.<verb>`), its version and the schema of its `data` / `previous` (the entity's
 * snapshot). Changing a payload's shape means a new version, never a silent change.
 */
export interface EventDefinition<T> {
  readonly type: string;
  readonly version: number;
  /** The entity the event is about: the part of `type` before the dot unless defined otherwise. */
  readonly entity: string;
  readonly schema: Schema<T>;
  /** For the event catalogue: type, version and the JSON-Schema of the payload. */
  describe(): { type: string; version: number; data: JsonSchema };
}

export type EventData<E> = E extends EventDefinition<infer T> ? T : never;

const TYPE = /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/;
const DEFINED = new Map<string, EventDefinition<unknown>>();

/**
 * `defineEvent('contact.created', 1, CONTACT_SNAPSHOT)`; one definition per type and version.
 * `entity` when the event is about another entity than its type says (`organization.member_added`
 * is about a `membership`).
 */
export function defineEvent<S extends Schema<unknown>>(
  type: string,
  version: number,
  payload: S,
  options: { readonly entity?: string } = {},
): EventDefinition<Infer<S>> {
  if (!TYPE.test(type)) throw new Error(`Event type ${type} must read <entity>.<verb>`);
  if (!Number.isInteger(version) || version < 1) throw new Error(`Event ${type} needs a version ≥ 1`);
  const key = `${type}@${version}`;
  if (DEFINED.has(key)) throw new Error(`Event ${key} is defined twice`);
  const definition: EventDefinition<Infer<S>> = {
    type,
    version,
    entity: options.entity ?? type.slice(0, type.indexOf('.')),
    schema: payload as Schema<Infer<S>>,
    describe: () => ({ type, version, data: payload.describe() }),
  };
  DEFINED.set(key, definition);
  return definition;
}

/** Every event defined so far (modules define theirs when loaded), for documentation. */
export function definedEvents(): readonly EventDefinition<unknown>[] {
  return [...DEFINED.values()].sort((a, b) => a.type.localeCompare(b.type) || a.version - b.version);
}

/** Thrown when a published payload does not fit its event's schema: a bug, never user input. */
export class EventPayloadMismatchError extends Error {
  constructor(type: string, problems: readonly string[]) {
    super(`Payload of ${type} does not fit its schema: ${problems.join('; ')}`);
    this.name = 'EventPayloadMismatchError';
  }
}
