import { describe, expect, it } from 'vitest';
import { splitContactRefs } from './ticket-contact-refs';
import { type ContactLike, planTicketContacts } from './ticket-contacts-outcome';

const contact = (id: string, isActive = true): ContactLike => ({
  id,
  name: `Contact ${id}`,
  primaryEmail: `${id}@example.test`,
  isActive,
});
const A = contact('a');
const B = contact('b');
const C = contact('c');
const GONE = contact('gone', false);
const ids = (list: ReadonlyArray<{ id: string }>): string[] => list.map((each) => each.id);

describe('planTicketContacts', () => {
  it('links new active contacts and reports those already linked', () => {
    const { link, unlink, outcome } = planTicketContacts({ current: [A], add: [A, B], remove: [], unknownEmails: [] });
    expect(link).toEqual(['b']);
    expect(unlink).toEqual([]);
    expect(ids(outcome.linked)).toEqual(['b']);
    expect(ids(outcome.alreadyLinked)).toEqual(['a']);
  });

  it('never newly links an inactive contact', () => {
    const { link, outcome } = planTicketContacts({ current: [], add: [GONE, A], remove: [], unknownEmails: [] });
    expect(link).toEqual(['a']);
    expect(ids(outcome.inactive)).toEqual(['gone']);
  });

  it('removes linked contacts and reports those that were not linked', () => {
    const { unlink, outcome } = planTicketContacts({ current: [A, B], add: [], remove: [B, C], unknownEmails: [] });
    expect(unlink).toEqual(['b']);
    expect(ids(outcome.removed)).toEqual(['b']);
    expect(ids(outcome.notLinked)).toEqual(['c']);
  });

  it('a contact both added and removed is removed', () => {
    const { link, unlink } = planTicketContacts({ current: [A], add: [A, B], remove: [A, B], unknownEmails: [] });
    expect(link).toEqual([]);
    expect(unlink).toEqual(['a']);
  });

  it('replace keeps the named, drops the rest, keeps an inactive one already linked; [] clears', () => {
    const kept = planTicketContacts({ current: [A, GONE], add: [], remove: [], replace: [GONE, C], unknownEmails: [] });
    expect(kept.link).toEqual(['c']);
    expect(kept.unlink).toEqual(['a']);
    expect(ids(kept.outcome.alreadyLinked)).toEqual(['gone']);
    const cleared = planTicketContacts({ current: [A, B], add: [], remove: [], replace: [], unknownEmails: ['x@y.z'] });
    expect(cleared.unlink).toEqual(['a', 'b']);
    expect(cleared.outcome.unknownEmails).toEqual(['x@y.z']);
  });
});

describe('splitContactRefs', () => {
  it('tells ids from e-mails, lower-cases both and drops repeats', () => {
    expect(
      splitContactRefs([
        ' Ada@Example.COM ',
        'ada@example.com',
        '6F1C2D3E-0000-4000-8000-000000000001',
        '6f1c2d3e-0000-4000-8000-000000000001',
      ]),
    ).toEqual({ ids: ['6f1c2d3e-0000-4000-8000-000000000001'], emails: ['ada@example.com'] });
  });
});
