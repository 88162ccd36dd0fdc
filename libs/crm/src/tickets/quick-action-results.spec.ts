import { describe, expect, it } from 'vitest';
import { quickActionResults } from './quick-action-results';
import { parseQuickActions } from './quick-actions';
import type { TicketContactsOutcome } from './ticket-contacts-outcome';

const ADA = { id: '6f1c2d3e-0000-4000-8000-00000000000a', name: 'Ada', email: 'Ada@Example.com' };
const BOB = { id: '6f1c2d3e-0000-4000-8000-00000000000b', name: 'Bob', email: 'bob@example.com' };
const CY = { id: '6f1c2d3e-0000-4000-8000-00000000000c', name: 'Cy', email: null };
const NONE: TicketContactsOutcome = {
  linked: [],
  alreadyLinked: [],
  removed: [],
  notLinked: [],
  inactive: [],
  unknownEmails: [],
};

describe('quickActionResults', () => {
  it('reports each reference once, adds then removes, matching e-mails case-insensitively and ids', () => {
    const { actions } = parseQuickActions(
      `/remove_contacts [contact:bob@example.com]\n/add_contacts [contact:ada@example.com] [contact:${CY.id}] [contact:x@y.z]\n/add_contacts [contact:ADA@example.com]`,
    );
    const results = quickActionResults(actions, {
      ...NONE,
      linked: [ADA],
      inactive: [CY],
      removed: [BOB],
      unknownEmails: ['x@y.z'],
    });
    expect(results).toEqual([
      { command: 'add_contacts', reference: 'ada@example.com', result: 'LINKED', contact: ADA },
      { command: 'add_contacts', reference: CY.id, result: 'INACTIVE', contact: CY },
      { command: 'add_contacts', reference: 'x@y.z', result: 'UNKNOWN', contact: null },
      { command: 'remove_contacts', reference: 'bob@example.com', result: 'REMOVED', contact: BOB },
    ]);
  });

  it('a contact both added and removed reports the removal for both; unknown removals are UNKNOWN', () => {
    const { actions } = parseQuickActions(
      '/add_contacts [contact:bob@example.com]\n/remove_contacts [contact:bob@example.com] [contact:q@r.s]',
    );
    const results = quickActionResults(actions, { ...NONE, notLinked: [BOB], unknownEmails: ['q@r.s'] });
    expect(results.map(({ command, result }) => [command, result])).toEqual([
      ['add_contacts', 'NOT_LINKED'],
      ['remove_contacts', 'NOT_LINKED'],
      ['remove_contacts', 'UNKNOWN'],
    ]);
    expect(quickActionResults(actions, { ...NONE, alreadyLinked: [] })[0]?.result).toBe('UNKNOWN');
  });
});
