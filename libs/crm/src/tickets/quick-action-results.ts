import { type QuickAction, type QuickActionCommand, referencesOf } from './quick-actions';
import type { TicketContactsOutcome } from './ticket-contacts-outcome';
import type { TicketContactSummary } from './ticket-view';

/** What a quick action did with one reference. */
export const QUICK_ACTION_RESULTS = [
  'LINKED',
  'ALREADY_LINKED',
  'INACTIVE',
  'REMOVED',
  'NOT_LINKED',
  'UNKNOWN',
] as const;
export type QuickActionResultKind = (typeof QUICK_ACTION_RESULTS)[number];

/** One reference of a comment's quick actions and what became of it. */
export interface QuickActionResult {
  readonly command: QuickActionCommand;
  /** As written (lower-cased), an e-mail or a contact id. */
  readonly reference: string;
  readonly result: QuickActionResultKind;
  /** The contact it named; null for an e-mail no contact of the organization has. */
  readonly contact: TicketContactSummary | null;
}

type OutcomeList = keyof Omit<TicketContactsOutcome, 'unknownEmails'>;

/** Where a reference's contact may be reported, per command, with the result each list means. */
const LISTS: Record<QuickActionCommand, ReadonlyArray<readonly [OutcomeList, QuickActionResultKind]>> = {
  // A contact both added and removed is removed (the link call's rule): its add reports that.
  add_contacts: [
    ['linked', 'LINKED'],
    ['alreadyLinked', 'ALREADY_LINKED'],
    ['inactive', 'INACTIVE'],
    ['removed', 'REMOVED'],
    ['notLinked', 'NOT_LINKED'],
  ],
  remove_contacts: [
    ['removed', 'REMOVED'],
    ['notLinked', 'NOT_LINKED'],
  ],
};

const names = (contact: TicketContactSummary, reference: string): boolean =>
  contact.id === reference || contact.email?.toLowerCase() === reference;

/** The outcome of a comment's contact change, reference by reference: adds first, then removes. */
export function quickActionResults(
  actions: readonly QuickAction[],
  outcome: TicketContactsOutcome,
): QuickActionResult[] {
  const results: QuickActionResult[] = [];
  for (const command of ['add_contacts', 'remove_contacts'] as const) {
    for (const reference of referencesOf(actions, command)) {
      let found: QuickActionResult | undefined;
      for (const [list, result] of LISTS[command]) {
        const contact = outcome[list].find((candidate) => names(candidate, reference));
        if (contact !== undefined) {
          found = { command, reference, result, contact };
          break;
        }
      }
      results.push(found ?? { command, reference, result: 'UNKNOWN', contact: null });
    }
  }
  return results;
}
