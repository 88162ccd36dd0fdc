import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  type ContactRecord,
  createCrmWorld,
  createTestApp,
  crmRecords,
  type CrmRecords,
  type CrmWorld,
  expectProblem,
  memberWithRole,
  requestsIn,
  type Session,
  type TestApp,
  unique,
} from '@clientele/testing';

interface QuickActionResult {
  command: 'add_contacts' | 'remove_contacts';
  reference: string;
  result: string;
  contact: { id: string; name: string; email: string | null } | null;
}

interface CommentCreated {
  comment: { id: string; ticketId: string; authorId: string | null; body: string } | null;
  quickActions: QuickActionResult[];
}

describe('ticket comment quick actions and the [contact: autocomplete', () => {
  let t: TestApp;
  let world: CrmWorld;
  let records: CrmRecords;
  let ada: ContactRecord;
  let bob: ContactRecord;
  let carol: ContactRecord;
  let dormant: ContactRecord;
  /** A member whose role comments on tickets (EDIT_OWN) but may not link contacts. */
  let commenter: Session;

  const as = (session: Session, organizationId?: string) => requestsIn(t.http, world, session, organizationId);

  beforeAll(async () => {
    t = await createTestApp();
    world = await createCrmWorld(t.http);
    records = crmRecords(t.http, world);
    const marker = unique('qa').toLowerCase();
    ada = await records.createContact(world.acme.admin, {
      firstName: 'Ada',
      lastName: `Quick ${marker}`,
      email: `ada-${marker}@example.test`,
    });
    bob = await records.createContact(world.acme.admin, { email: `bob-${marker}@example.test` });
    carol = await records.createContact(world.acme.admin, { email: `carol-${marker}@example.test` });
    dormant = await records.createContact(world.acme.admin, {
      isActive: false,
      email: `dormant-${marker}@example.test`,
    });
    const roleName = `Commenter ${unique()}`;
    const role = await t.http
      .post('/api/roles')
      .set(bearer(world.acme.admin))
      .send({ name: roleName, grants: ['ORG_TICKET_VIEW', 'ORG_TICKET_EDIT_OWN'] });
    expect(role.status, JSON.stringify(role.body)).toBe(201);
    commenter = await memberWithRole(t.http, world.acme, roleName);
  });
  afterAll(async () => {
    await t.close();
  });

  const email = (contact: ContactRecord): string => contact.email ?? '';

  async function comment(ticketId: string, body: string, session: Session = world.acme.admin): Promise<CommentCreated> {
    const response = await as(session).post(`/api/tickets/${ticketId}/comments`, { body });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body as CommentCreated;
  }

  async function linked(ticketId: string): Promise<string[]> {
    const rows: Array<{ contact_id: string }> = await t.db.query(
      `SELECT contact_id FROM ticket_contact WHERE ticket_id = $1 ORDER BY contact_id`,
      [ticketId],
    );
    return rows.map((row) => row.contact_id);
  }

  async function storedComments(ticketId: string): Promise<Array<{ body: string; organization_id: string }>> {
    return t.db.query(`SELECT body, organization_id FROM ticket_comment WHERE ticket_id = $1 ORDER BY created_at, id`, [
      ticketId,
    ]);
  }

  async function events(entityId: string): Promise<string[]> {
    const rows: Array<{ type: string }> = await t.db.query(
      `SELECT type FROM outbox_event WHERE entity_id = $1 ORDER BY position`,
      [entityId],
    );
    return rows.map((row) => row.type);
  }

  const sorted = (ids: string[]): string[] => [...ids].sort();

  describe('POST /api/tickets/:id/comments with quick actions', () => {
    it('links by e-mail in any case, reports each address, stores the text without the command line', async () => {
      const ticket = await records.createTicket(world.acme.admin);
      const created = await comment(
        ticket.id,
        [
          'Looping in the team.',
          `/ADD_contacts [contact:${email(ada).toUpperCase()}] [contact:${email(bob)}]`,
          `/add_contacts [contact:nobody-${unique()}@example.test] "[contact:${email(dormant)}]"`,
          'Thanks!',
        ].join('\n'),
      );
      expect(created.comment).toMatchObject({
        ticketId: ticket.id,
        authorId: world.acme.admin.userId,
        body: 'Looping in the team.\nThanks!',
      });
      expect(created.quickActions).toEqual([
        {
          command: 'add_contacts',
          reference: email(ada),
          result: 'LINKED',
          contact: { id: ada.id, name: ada.name, email: ada.email },
        },
        {
          command: 'add_contacts',
          reference: email(bob),
          result: 'LINKED',
          contact: expect.objectContaining({ id: bob.id }),
        },
        { command: 'add_contacts', reference: expect.stringMatching(/^nobody-/), result: 'UNKNOWN', contact: null },
        {
          command: 'add_contacts',
          reference: email(dormant),
          result: 'INACTIVE',
          contact: expect.objectContaining({ id: dormant.id }),
        },
      ]);
      expect(await linked(ticket.id)).toEqual(sorted([ada.id, bob.id]));
      expect(await storedComments(ticket.id)).toEqual([
        { body: 'Looping in the team.\nThanks!', organization_id: world.acme.organizationId },
      ]);
      expect(await events(ticket.id)).toEqual(['ticket.created', 'ticket.contacts_changed']);
      expect(await events(created.comment?.id ?? '')).toEqual(['ticket_comment.created']);
      const [changed] = await t.db.query(
        `SELECT data, previous FROM outbox_event WHERE entity_id = $1 AND type = 'ticket.contacts_changed'`,
        [ticket.id],
      );
      expect(changed.previous.contactIds).toEqual([]);
      expect(sorted(changed.data.contactIds)).toEqual(sorted([ada.id, bob.id]));
    });

    it('a body of commands only stores no comment: comment null, the links changed, one contacts_changed', async () => {
      const ticket = await records.createTicket(world.acme.admin, { contactIds: [ada.id, bob.id] });
      const created = await comment(
        ticket.id,
        `  /remove_contacts [contact:${email(ada)}] [contact:${email(carol)}]\n/add_contacts [contact:${email(carol)}]\n`,
      );
      expect(created.comment).toBeNull();
      expect(created.quickActions).toEqual([
        {
          command: 'add_contacts',
          reference: email(carol),
          result: 'NOT_LINKED',
          contact: expect.objectContaining({ id: carol.id }),
        },
        {
          command: 'remove_contacts',
          reference: email(ada),
          result: 'REMOVED',
          contact: expect.objectContaining({ id: ada.id }),
        },
        {
          command: 'remove_contacts',
          reference: email(carol),
          result: 'NOT_LINKED',
          contact: expect.objectContaining({ id: carol.id }),
        },
      ]);
      expect(await linked(ticket.id)).toEqual([bob.id]);
      expect(await storedComments(ticket.id)).toEqual([]);
      expect(await events(ticket.id)).toEqual(['ticket.created', 'ticket.contacts_changed']);
      const list = await as(world.viewer).get(`/api/tickets/${ticket.id}/comments`);
      expect(list.body).toMatchObject({ items: [], total: 0 });
    });

    it('several commands, ids and already-linked contacts; nothing changed records no event', async () => {
      const ticket = await records.createTicket(world.acme.admin, { contactIds: [ada.id] });
      const created = await comment(
        ticket.id,
        `/add_contacts [contact:${ada.id}], [contact:${email(bob)}]\nDone\n/add_contacts [contact:${email(carol)}] [contact:${email(bob).toUpperCase()}]`,
      );
      expect(created.comment?.body).toBe('Done');
      expect(created.quickActions.map(({ reference, result }) => [reference, result])).toEqual([
        [ada.id, 'ALREADY_LINKED'],
        [email(bob), 'LINKED'],
        [email(carol), 'LINKED'],
      ]);
      expect(await linked(ticket.id)).toEqual(sorted([ada.id, bob.id, carol.id]));
      const again = await comment(ticket.id, `/add_contacts [contact:${email(bob)}]`);
      expect(again).toEqual({
        comment: null,
        quickActions: [
          { command: 'add_contacts', reference: email(bob), result: 'ALREADY_LINKED', contact: expect.any(Object) },
        ],
      });
      expect(await events(ticket.id)).toEqual(['ticket.created', 'ticket.contacts_changed']);
      expect((await storedComments(ticket.id)).map((row) => row.body)).toEqual(['Done']);
    });

    it('commands inside code blocks or inline code, and unknown slash commands, are stored as text', async () => {
      const ticket = await records.createTicket(world.acme.admin);
      const body = [
        'To link someone, write:',
        '```',
        `/add_contacts [contact:${email(ada)}]`,
        '```',
        `or \`/add_contacts [contact:${email(bob)}]\``,
        '/shrug',
      ].join('\n');
      const created = await comment(ticket.id, body);
      expect(created).toMatchObject({ comment: { body }, quickActions: [] });
      expect(await linked(ticket.id)).toEqual([]);
      expect((await storedComments(ticket.id)).map((row) => row.body)).toEqual([body]);
      expect(await events(ticket.id)).toEqual(['ticket.created']);
    });

    it('400 with the body field for more than 6 contacts, a token that is no contact, a command naming none; nothing written', async () => {
      const ticket = await records.createTicket(world.acme.admin, { contactIds: [ada.id] });
      const url = `/api/tickets/${ticket.id}/comments`;
      const seven = Array.from({ length: 7 }, (_, index) => `[contact:p${index}-${unique()}@example.test]`);
      const tooMany = await as(world.acme.admin).post(url, {
        body: `Hello\n/add_contacts ${seven.slice(0, 4).join(' ')}\n/add_contacts ${seven.slice(4).join(' ')}`,
      });
      expectProblem(tooMany, 400, 'VALIDATION_FAILED', ['body']);
      expect(JSON.stringify(tooMany.body)).toContain('You can only add up to 6 contacts at one time');
      expectProblem(
        await as(world.acme.admin).post(url, { body: `/remove_contacts ${seven.join(' ')}` }),
        400,
        'VALIDATION_FAILED',
        ['body'],
      );
      const badToken = await as(world.acme.admin).post(url, {
        body: `Hi\n/add_contacts [contact:${email(bob)}] please`,
      });
      expectProblem(badToken, 400, 'VALIDATION_FAILED', ['body']);
      expect(JSON.stringify(badToken.body)).toContain('\\"please\\" is not a [contact:e-mail]');
      expectProblem(await as(world.acme.admin).post(url, { body: '/remove_contacts' }), 400, 'VALIDATION_FAILED', [
        'body',
      ]);
      expectProblem(await as(world.acme.admin).post(url, { body: '  ' }), 400, 'VALIDATION_FAILED', ['body']);
      expectProblem(await as(world.acme.admin).post(url, { body: 42 }), 400, 'VALIDATION_FAILED', ['body']);
      expect(await linked(ticket.id)).toEqual([ada.id]);
      expect(await storedComments(ticket.id)).toEqual([]);
      expect(await events(ticket.id)).toEqual(['ticket.created']);
    });

    it("404 naming body for another tenant's or organization's contact id (nothing written); their e-mails are unknown", async () => {
      const ticket = await records.createTicket(world.acme.admin);
      const url = `/api/tickets/${ticket.id}/comments`;
      const foreign = await records.createContact(world.globex.admin);
      const branch = await records.createContact(world.acme.admin, {}, world.branchId);
      expectProblem(
        await as(world.acme.admin).post(url, {
          body: `Hi\n/add_contacts [contact:${email(bob)}] [contact:${foreign.id}]`,
        }),
        404,
        'CONTACT_NOT_FOUND',
        ['body'],
      );
      expectProblem(
        await as(world.acme.admin).post(url, { body: `/add_contacts [contact:${branch.id}]` }),
        404,
        'CONTACT_NOT_FOUND',
        ['body'],
      );
      expect(await linked(ticket.id)).toEqual([]);
      expect(await storedComments(ticket.id)).toEqual([]);
      const byEmail = await comment(ticket.id, `/add_contacts [contact:${email(foreign)}]`);
      expect(byEmail.quickActions).toEqual([
        { command: 'add_contacts', reference: email(foreign), result: 'UNKNOWN', contact: null },
      ]);
      expect(await linked(ticket.id)).toEqual([]);
      expectProblem(
        await as(world.globex.admin).post(url, { body: `/add_contacts [contact:${email(foreign)}]` }),
        404,
        'TICKET_NOT_FOUND',
      );
      const branchTicket = await records.createTicket(world.acme.admin, {}, world.branchId);
      expectProblem(
        await as(world.agent).post(`/api/tickets/${branchTicket.id}/comments`, { body: 'hi' }),
        404,
        'TICKET_NOT_FOUND',
      );
    });

    it('quick actions need the linking grant: a commenter without it gets 403 and nothing is written; an AGENT links', async () => {
      const ticket = await records.createTicket(world.acme.admin, { assigneeId: commenter.userId });
      const url = `/api/tickets/${ticket.id}/comments`;
      const plain = await comment(ticket.id, 'Plain words are fine', commenter);
      expect(plain.comment?.authorId).toBe(commenter.userId);
      const refused = await as(commenter).post(url, { body: `Adding Ada\n/add_contacts [contact:${email(ada)}]` });
      expectProblem(refused, 403, 'FORBIDDEN');
      expect(await linked(ticket.id)).toEqual([]);
      expect((await storedComments(ticket.id)).map((row) => row.body)).toEqual(['Plain words are fine']);
      expectProblem(await as(world.viewer).post(url, { body: 'hi' }), 403, 'FORBIDDEN');
      expectProblem(await as(world.guest).post(url, { body: 'hi' }), 403, 'FORBIDDEN');

      const byAgent = await comment(ticket.id, `/add_contacts [contact:${email(ada)}]`, world.agent);
      expect(byAgent.quickActions.map((action) => action.result)).toEqual(['LINKED']);
      expect(await linked(ticket.id)).toEqual([ada.id]);
      expect(await events(ticket.id)).toEqual(['ticket.created', 'ticket.contacts_changed']);
    });
  });

  describe('GET /api/tickets/:id/contacts/autocomplete', () => {
    interface Suggestion {
      id: string;
      name: string;
      email: string | null;
      reference: string;
      linked: boolean;
    }

    it("offers the organization's active contacts whose name or e-mail contains q, prefix matches first", async () => {
      const marker = unique('ac').toLowerCase();
      const starts = await records.createContact(world.acme.admin, {
        firstName: marker,
        lastName: 'Zed',
        email: `zed-${marker}@example.test`,
      });
      const inside = await records.createContact(world.acme.admin, {
        firstName: 'Abe',
        lastName: 'Person',
        email: `abe.${marker}@example.test`,
      });
      await records.createContact(world.acme.admin, { firstName: marker, lastName: 'Gone', isActive: false });
      await records.createContact(world.acme.admin, { firstName: marker, lastName: 'Branch' }, world.branchId);
      await records.createContact(world.globex.admin, { firstName: marker, lastName: 'Foreign' });
      const ticket = await records.createTicket(world.acme.admin, { contactIds: [inside.id] });
      const response = await as(world.agent).get(
        `/api/tickets/${ticket.id}/contacts/autocomplete?q=${encodeURIComponent(marker.toUpperCase())}`,
      );
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      const items = (response.body as { items: Suggestion[] }).items;
      expect(items).toEqual([
        {
          id: starts.id,
          name: starts.name,
          email: starts.email,
          reference: `[contact:${email(starts)}]`,
          linked: false,
        },
        {
          id: inside.id,
          name: inside.name,
          email: inside.email,
          reference: `[contact:${email(inside)}]`,
          linked: true,
        },
      ]);
      const limited = await as(world.agent).get(`/api/tickets/${ticket.id}/contacts/autocomplete?q=${marker}&limit=1`);
      expect((limited.body as { items: Suggestion[] }).items.map((item) => item.id)).toEqual([starts.id]);
      const none = await as(world.agent).get(`/api/tickets/${ticket.id}/contacts/autocomplete?q=%25`);
      expect(none.status).toBe(200);
      expect((none.body as { items: Suggestion[] }).items).toEqual([]);
    });

    it('400 for a missing, blank or overlong q or a bad limit; 403 without the linking grant; 404 across tenants', async () => {
      const ticket = await records.createTicket(world.acme.admin);
      const url = `/api/tickets/${ticket.id}/contacts/autocomplete`;
      expectProblem(await as(world.acme.admin).get(url), 400, 'VALIDATION_FAILED', ['q']);
      expectProblem(await as(world.acme.admin).get(`${url}?q=%20%20`), 400, 'VALIDATION_FAILED', ['q']);
      expectProblem(await as(world.acme.admin).get(`${url}?q=${'a'.repeat(101)}`), 400, 'VALIDATION_FAILED', ['q']);
      expectProblem(await as(world.acme.admin).get(`${url}?q=ada&limit=0`), 400, 'VALIDATION_FAILED', ['limit']);
      expectProblem(await as(world.acme.admin).get(`${url}?q=ada&limit=21`), 400, 'VALIDATION_FAILED', ['limit']);
      expectProblem(await as(world.viewer).get(`${url}?q=ada`), 403, 'FORBIDDEN');
      expectProblem(await as(commenter).get(`${url}?q=ada`), 403, 'FORBIDDEN');
      expectProblem(await as(world.globex.admin).get(`${url}?q=ada`), 404, 'TICKET_NOT_FOUND');
      expectProblem(
        await as(world.acme.admin).get(`/api/tickets/not-a-uuid/contacts/autocomplete?q=ada`),
        400,
        'VALIDATION_FAILED',
        ['id'],
      );
    });
  });
});
