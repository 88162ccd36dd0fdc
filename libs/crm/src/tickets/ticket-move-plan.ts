import type { ContactLike } from './ticket-contacts-outcome';

/** A record of one organization matched to the target's by a key (e-mail, name). */
export interface MovedLink<T> {
  readonly from: T;
  readonly to: T;
}

/** Why a link of the moved ticket did not follow it. */
export const MOVE_DROP_REASONS = ['NO_MATCH', 'INACTIVE_MATCH'] as const;
export type MoveDropReason = (typeof MOVE_DROP_REASONS)[number];

export interface DroppedLink<T> {
  readonly record: T;
  readonly reason: MoveDropReason;
}

export interface NamedRecord {
  readonly id: string;
  readonly name: string;
}

/** What a move does with the ticket's links, decided without a database (`planTicketMove`). */
export interface TicketMovePlan<C extends ContactLike, N extends NamedRecord> {
  readonly contacts: {
    readonly repointed: ReadonlyArray<MovedLink<C>>;
    readonly dropped: ReadonlyArray<DroppedLink<C>>;
  };
  readonly tags: { readonly repointed: ReadonlyArray<MovedLink<N>>; readonly dropped: ReadonlyArray<DroppedLink<N>> };
  readonly customer: { readonly from: N | null; readonly to: N | null };
}

/** The ticket's links in its organization and the target's candidates for them. */
export interface TicketMoveRequest<C extends ContactLike, N extends NamedRecord> {
  readonly contacts: readonly C[];
  readonly targetContacts: readonly C[];
  readonly tags: readonly N[];
  readonly targetTags: readonly N[];
  readonly customer: N | null;
  readonly targetCustomers: readonly N[];
}

const emailKey = (contact: ContactLike): string | null => contact.primaryEmail?.trim().toLowerCase() || null;
const nameKey = (record: NamedRecord): string => record.name.trim().toLowerCase();

function byKey<T>(records: readonly T[], key: (record: T) => string | null): Map<string, T> {
  const map = new Map<string, T>();
  for (const record of records) {
    const value = key(record);
    if (value !== null && !map.has(value)) map.set(value, record);
  }
  return map;
}

/**
 * GitLab's rule for an issue leaving its root group, done kinder: each linked contact follows as
 * the target's contact with the same e-mail (case-insensitive), if that one is active (an
 * inactive contact is never newly linked); the others, and contacts without an e-mail, are
 * dropped. Tags follow the same way by name (none is created in the target), and the customer
 * by name; no match leaves the ticket without one.
 */
export function planTicketMove<C extends ContactLike, N extends NamedRecord>(
  request: TicketMoveRequest<C, N>,
): TicketMovePlan<C, N> {
  const targetContacts = byKey(request.targetContacts, emailKey);
  const contactsRepointed: Array<MovedLink<C>> = [];
  const contactsDropped: Array<DroppedLink<C>> = [];
  for (const contact of request.contacts) {
    const key = emailKey(contact);
    const match = key === null ? undefined : targetContacts.get(key);
    if (match === undefined) contactsDropped.push({ record: contact, reason: 'NO_MATCH' });
    else if (!match.isActive) contactsDropped.push({ record: contact, reason: 'INACTIVE_MATCH' });
    else contactsRepointed.push({ from: contact, to: match });
  }
  const targetTags = byKey(request.targetTags, nameKey);
  const tagsRepointed: Array<MovedLink<N>> = [];
  const tagsDropped: Array<DroppedLink<N>> = [];
  for (const tag of request.tags) {
    const match = targetTags.get(nameKey(tag));
    if (match === undefined) tagsDropped.push({ record: tag, reason: 'NO_MATCH' });
    else tagsRepointed.push({ from: tag, to: match });
  }
  const customer = request.customer;
  const targetCustomer = customer === null ? undefined : byKey(request.targetCustomers, nameKey).get(nameKey(customer));
  return {
    contacts: { repointed: contactsRepointed, dropped: contactsDropped },
    tags: { repointed: tagsRepointed, dropped: tagsDropped },
    customer: { from: customer, to: targetCustomer ?? null },
  };
}
