import { describe, expect, it } from 'vitest';
import type { ContactLike } from './ticket-contacts-outcome';
import { planTicketMove } from './ticket-move-plan';

const contact = (id: string, primaryEmail: string | null, isActive = true): ContactLike => ({
  id,
  name: `Contact ${id}`,
  primaryEmail,
  isActive,
});
const named = (id: string, name: string): { id: string; name: string } => ({ id, name });
const EMPTY = { tags: [], targetTags: [], customer: null, targetCustomers: [] };

describe('planTicketMove', () => {
  it("re-points each contact to the target's active contact with its e-mail, in any case, and drops the rest", () => {
    const plan = planTicketMove({
      ...EMPTY,
      contacts: [
        contact('ada', 'Ada@Example.com'),
        contact('bob', 'bob@example.com'),
        contact('cy', 'cy@example.com'),
        contact('nomail', null),
      ],
      targetContacts: [contact('ada2', 'ada@EXAMPLE.com'), contact('cy2', 'cy@example.com', false), contact('x', null)],
    });
    expect(plan.contacts.repointed.map(({ from, to }) => [from.id, to.id])).toEqual([['ada', 'ada2']]);
    expect(plan.contacts.dropped.map(({ record, reason }) => [record.id, reason])).toEqual([
      ['bob', 'NO_MATCH'],
      ['cy', 'INACTIVE_MATCH'],
      ['nomail', 'NO_MATCH'],
    ]);
  });

  it('an inactive contact of the ticket follows to an active match', () => {
    const plan = planTicketMove({
      ...EMPTY,
      contacts: [contact('old', 'old@example.com', false)],
      targetContacts: [contact('new', 'old@example.com')],
    });
    expect(plan.contacts.repointed.map(({ to }) => to.id)).toEqual(['new']);
  });

  it('tags and the customer follow by name (case-insensitive, trimmed), else are dropped', () => {
    const plan = planTicketMove({
      contacts: [],
      targetContacts: [],
      tags: [named('t1', 'Urgent'), named('t2', 'Local')],
      targetTags: [named('u1', ' urgent '), named('u2', 'Other')],
      customer: named('c1', 'Acme Ltd'),
      targetCustomers: [named('c2', 'ACME LTD'), named('c3', 'acme ltd')],
    });
    expect(plan.tags.repointed.map(({ from, to }) => [from.id, to.id])).toEqual([['t1', 'u1']]);
    expect(plan.tags.dropped.map(({ record }) => record.id)).toEqual(['t2']);
    expect(plan.customer).toEqual({ from: named('c1', 'Acme Ltd'), to: named('c2', 'ACME LTD') });
  });

  it('no customer, or none of that name in the target, leaves the ticket without one', () => {
    expect(planTicketMove({ ...EMPTY, contacts: [], targetContacts: [] }).customer).toEqual({ from: null, to: null });
    const unmatched = planTicketMove({
      ...EMPTY,
      contacts: [],
      targetContacts: [],
      customer: named('c1', 'Acme'),
      targetCustomers: [named('c2', 'Acme Two')],
    });
    expect(unmatched.customer.to).toBeNull();
  });
});
