import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createCrmWorld,
  createTestApp,
  crmRecords,
  type CrmRecords,
  expectProblem,
  type Session,
  type TenantFixture,
  type TestApp,
  unique,
} from '@clientele/testing';

interface DealBody {
  id: string;
  title: string;
  status: string;
  contactId: string | null;
  customerId: string | null;
  stage: { name: string };
}

/** Issue 21's portal views: a contact's open deals, a customer's deals, deals in the search, typo-forgiving lists. */
describe('sales in the portal views', () => {
  let t: TestApp;
  let acme: TenantFixture;
  let globex: TenantFixture;
  let viewer: Session;
  let guest: Session;
  let records: CrmRecords;
  let wonStageId: string;

  const as = (session: Session) => ({
    get: (url: string) =>
      t.http
        .get(url)
        .set(bearer(session))
        .set('X-Organization-Id', session === globex.admin ? globex.organizationId : acme.organizationId),
    post: (url: string, body: object) =>
      t.http
        .post(url)
        .set(bearer(session))
        .set('X-Organization-Id', session === globex.admin ? globex.organizationId : acme.organizationId)
        .send(body),
    patch: (url: string, body: object) =>
      t.http.patch(url).set(bearer(session)).set('X-Organization-Id', acme.organizationId).send(body),
  });

  async function createDeal(body: object): Promise<DealBody> {
    const response = await as(acme.admin).post('/api/deals', { title: `Deal ${unique()}`, ...body });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body as DealBody;
  }

  beforeAll(async () => {
    t = await createTestApp();
    ({ acme, globex, viewer, guest } = await createCrmWorld(t.http));
    records = crmRecords(t.http, { acme, globex });
    const pipelines = await as(acme.admin).get('/api/pipelines');
    const [pipeline] = (pipelines.body as { items: Array<{ stages: Array<{ id: string; kind: string }> }> }).items;
    wonStageId = pipeline.stages.find((stage) => stage.kind === 'WON')?.id ?? '';
  });
  afterAll(async () => {
    await t.close();
  });

  describe('GET /api/crm/contacts/:id openDeals', () => {
    it("lists the contact's open deals as the deal list shows them, not its closed or others' deals", async () => {
      const contact = await records.createContact(acme.admin);
      const older = await createDeal({ contactId: contact.id });
      const newer = await createDeal({ contactId: contact.id });
      const won = await createDeal({ contactId: contact.id });
      await createDeal({});
      const move = await as(acme.admin).patch(`/api/deals/${won.id}/stage`, { stageId: wonStageId });
      expect(move.status).toBe(200);
      const response = await as(viewer).get(`/api/crm/contacts/${contact.id}`);
      expect(response.status).toBe(200);
      const openDeals = response.body.openDeals as DealBody[];
      expect(openDeals.map((deal) => deal.id)).toEqual([newer.id, older.id]);
      expect(openDeals[0]).toEqual((await as(viewer).get(`/api/deals/${newer.id}`)).body);
      const stored: Array<{ id: string }> = await t.db.query(
        `SELECT id FROM deal WHERE contact_id = $1 AND status = 'OPEN' AND deleted_at IS NULL ORDER BY created_at DESC, id DESC`,
        [contact.id],
      );
      expect(stored.map((row) => row.id)).toEqual([newer.id, older.id]);
    });
  });

  describe('GET /api/crm/customers/:id/deals', () => {
    it("pages the customer's deals with the deal list's filters; 403, 404 and 400 as the deal list", async () => {
      const customer = await records.createCustomer(acme.admin);
      const deals = [await createDeal({ customerId: customer.id }), await createDeal({ customerId: customer.id })];
      await createDeal({});
      const first = await as(viewer).get(`/api/crm/customers/${customer.id}/deals?limit=1`);
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      expect(first.body).toMatchObject({ total: 2, items: [{ id: deals[1].id, customerId: customer.id }] });
      const second = await as(viewer).get(
        `/api/crm/customers/${customer.id}/deals?limit=1&cursor=${encodeURIComponent(first.body.nextCursor as string)}`,
      );
      expect(second.body.items.map((deal: DealBody) => deal.id)).toEqual([deals[0].id]);
      expect(second.body.nextCursor).toBeNull();
      const filtered = await as(viewer).get(`/api/crm/customers/${customer.id}/deals?status=WON`);
      expect(filtered.body).toMatchObject({ items: [], total: 0 });
      expectProblem(await as(guest).get(`/api/crm/customers/${customer.id}/deals`), 403, 'FORBIDDEN');
      expectProblem(await as(globex.admin).get(`/api/crm/customers/${customer.id}/deals`), 404, 'CUSTOMER_NOT_FOUND');
      for (const [query, field] of [
        ['customerId=' + customer.id, 'customerId'],
        ['format=csv', 'format'],
        ['status=OPENED', 'status'],
      ]) {
        expectProblem(
          await as(viewer).get(`/api/crm/customers/${customer.id}/deals?${query}`),
          400,
          'VALIDATION_FAILED',
          [field],
        );
      }
    });
  });

  describe('deals in GET /api/crm/search', () => {
    it('finds deal titles despite a typo, an exact title first, only where deals may be viewed', async () => {
      const word = `Zanzibar${unique()}`;
      const exact = await createDeal({ title: `${word} Rollout` });
      const longer = await createDeal({ title: `${word} Rollout Phase Two` });
      await as(globex.admin).post('/api/deals', { title: `${word} Rollout` });
      const typo = `${word.slice(0, 2)}${word[3]}${word[2]}${word.slice(4)} rollout`.toLowerCase();
      const response = await as(viewer).get(`/api/crm/search?q=${encodeURIComponent(typo)}&types=deals`);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body.deals.map((hit: { id: string }) => hit.id)).toEqual([exact.id, longer.id]);
      expect(response.body.deals[0]).toEqual({
        id: exact.id,
        type: 'deal',
        organizationId: acme.organizationId,
        title: exact.title,
        subtitle: 'Lead',
        score: expect.any(Number),
      });
      const exactly = await as(viewer).get(`/api/crm/search?q=${encodeURIComponent(exact.title)}&types=deals`);
      expect(exactly.body.deals[0]).toMatchObject({ id: exact.id, score: 1 });
      const guestSearch = await t.http.get(`/api/crm/search?q=${word}`).set(bearer(guest));
      expect(guestSearch.status).toBe(403);
    });
  });

  describe('list q forgives a typo, exact and prefix matches first', () => {
    it('contacts: "Jnae Doe" finds Jane Doe; an exact name ranks above a newer longer one', async () => {
      const last = `Doe${unique()}`.toLowerCase();
      const jane = await records.createContact(acme.admin, { firstName: 'Jane', lastName: last });
      const janet = await records.createContact(acme.admin, { firstName: 'Janet', lastName: last });
      const prefixed = await records.createContact(acme.admin, { firstName: 'Jane', lastName: `${last}son` });
      const typo = await as(viewer).get(`/api/crm/contacts?q=${encodeURIComponent(`Jnae ${last}`)}`);
      expect(typo.status, JSON.stringify(typo.body)).toBe(200);
      expect(typo.body.items.map((row: { id: string }) => row.id)).toContain(jane.id);
      const ranked = await as(viewer).get(`/api/crm/contacts?q=${encodeURIComponent(`jane ${last}`)}`);
      // Exact name, then the name it prefixes (newer), then the rest (the typo match Janet) by the default sort.
      expect(ranked.body.items.map((row: { id: string }) => row.id)).toEqual([jane.id, prefixed.id, janet.id]);
      // Pages by cursor keep the ranking without skipping or repeating.
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await as(viewer).get(
          `/api/crm/contacts?q=${encodeURIComponent(`jane ${last}`)}&limit=1${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`,
        );
        expect(page.status, JSON.stringify(page.body)).toBe(200);
        seen.push(...page.body.items.map((row: { id: string }) => row.id));
        cursor = page.body.nextCursor as string | null;
      } while (cursor !== null && seen.length < 10);
      expect(seen).toEqual([jane.id, prefixed.id, janet.id]);
      // An explicit sort is kept as asked.
      const sorted = await as(viewer).get(`/api/crm/contacts?q=${encodeURIComponent(`jane ${last}`)}&sort=-createdAt`);
      expect(sorted.body.items.map((row: { id: string }) => row.id)).toEqual([prefixed.id, janet.id, jane.id]);
    });

    it('customers and deals forgive a transposition too', async () => {
      const word = `Quillfeather${unique()}`;
      const customer = await records.createCustomer(acme.admin, { name: `${word} Works` });
      const transposed = `${word.slice(0, 1)}${word[2]}${word[1]}${word.slice(3)} works`;
      const customers = await as(viewer).get(`/api/crm/customers?q=${encodeURIComponent(transposed)}`);
      expect(customers.status, JSON.stringify(customers.body)).toBe(200);
      expect(customers.body.items.map((row: { id: string }) => row.id)).toEqual([customer.id]);
      const deal = await createDeal({ title: `${word} Renewal` });
      const deals = await as(viewer).get(`/api/deals?q=${encodeURIComponent(`${transposed.split(' ')[0]} renewal`)}`);
      expect(deals.status, JSON.stringify(deals.body)).toBe(200);
      expect(deals.body).toMatchObject({ total: 1, items: [{ id: deal.id }] });
    });
  });
});
