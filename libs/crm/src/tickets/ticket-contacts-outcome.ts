import type { TicketContactSummary } from './ticket-view';

/** A contact as a link call reports it. */
export interface ContactLike {
  readonly id: string;
  readonly name: string;
  readonly primaryEmail: string | null;
  readonly isActive: boolean;
}

/** What a contact-link call did (see `planTicketContacts`). */
export interface TicketContactsOutcome {
  readonly linked: readonly TicketContactSummary[];
  readonly alreadyLinked: readonly TicketContactSummary[];
  readonly removed: readonly TicketContactSummary[];
  readonly notLinked: readonly TicketContactSummary[];
  readonly inactive: readonly TicketContactSummary[];
  readonly unknownEmails: readonly string[];
}

/** The change asked for, with every reference resolved to a contact of the organization. */
export interface ContactLinkRequest {
  readonly current: readonly ContactLike[];
  readonly add: readonly ContactLike[];
  readonly remove: readonly ContactLike[];
  /** Set: the ticket's contacts become exactly these (add and remove are then empty). */
  readonly replace?: readonly ContactLike[];
  readonly unknownEmails: readonly string[];
}

const summary = (contact: ContactLike): TicketContactSummary => ({
  id: contact.id,
  name: contact.name,
  email: contact.primaryEmail,
});

/**
 * The rules of a link call, without a database: an inactive contact is never newly linked (one
 * already linked stays when a replace names it); a contact named to add and to remove is
 * removed. Returns the ids to link and unlink and the per-entry report.
 */
export function planTicketContacts(request: ContactLinkRequest): {
  link: string[];
  unlink: string[];
  outcome: TicketContactsOutcome;
} {
  const current = new Map(request.current.map((contact) => [contact.id, contact]));
  const removeIds = new Set(request.remove.map((contact) => contact.id));
  const wanted = request.replace ?? request.add.filter((contact) => !removeIds.has(contact.id));
  const linked: ContactLike[] = [];
  const alreadyLinked: ContactLike[] = [];
  const inactive: ContactLike[] = [];
  for (const contact of wanted) {
    if (current.has(contact.id)) alreadyLinked.push(contact);
    else if (!contact.isActive) inactive.push(contact);
    else linked.push(contact);
  }
  const unlinking =
    request.replace === undefined
      ? request.remove
      : request.current.filter((contact) => !request.replace?.some((kept) => kept.id === contact.id));
  const removed = unlinking.filter((contact) => current.has(contact.id));
  const notLinked = unlinking.filter((contact) => !current.has(contact.id));
  return {
    link: linked.map((contact) => contact.id),
    unlink: removed.map((contact) => contact.id),
    outcome: {
      linked: linked.map(summary),
      alreadyLinked: alreadyLinked.map(summary),
      removed: removed.map(summary),
      notLinked: notLinked.map(summary),
      inactive: inactive.map(summary),
      unknownEmails: request.unknownEmails,
    },
  };
}
