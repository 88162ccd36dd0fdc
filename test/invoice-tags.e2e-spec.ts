import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCrmWorld,
  createTestApp,
  type CrmRecords,
  crmRecords,
  expectProblem,
  type MemberRequests,
  requestsIn,
  type Session,
  type TenantFixture,
  type TestApp,
} from '@clientele/testing';

interface TaggedInvoice {
  id: string;
  status: string;
  version: number;
  tags: Array<{ id: string; name: string; color: string }>;
}

describe('invoice tags', () => {
  let t: TestApp;
  let acme: TenantFixture;
  let globex: TenantFixture;
  let viewer: Session;
  let agent: Session;
  let branchId: string;
  let crm: CrmRecords;
  let customerId: string;
  let as: (session: Session, organizationId?: string) => MemberRequests;

  beforeAll(async () => {
    t = await createTestApp();
    const world = await createCrmWorld(t.http);
    ({ acme, globex, viewer, agent, branchId } = world);
    crm = crmRecords(t.http, world);
    as = (session, organizationId) => requestsIn(t.http, world, session, organizationId);
    customerId = (await crm.createCustomer(acme.admin)).id;
  });
  afterAll(async () => {
    await t.close();
  });

  async function storedTagIds(invoiceId: string): Promise<string[]> {
    const rows: Array<{ tag_id: string; tenant_id: string; organization_id: string }> = await t.db.query(
      `SELECT tag_id, tenant_id, organization_id FROM invoice_tag WHERE invoice_id = $1 ORDER BY tag_id`,
      [invoiceId],
    );
    for (const row of rows)
      expect(row).toMatchObject({ tenant_id: acme.tenantId, organization_id: acme.organizationId });
    return rows.map((row) => row.tag_id);
  }

  async function lastEventTagIds(invoiceId: string): Promise<{ type: string; version: number; tagIds: unknown }> {
    const [row] = await t.db.query<Array<{ type: string; version: number; tag_ids: unknown }>>(
      `SELECT type, version, data->'tagIds' AS tag_ids FROM outbox_event WHERE entity_id = $1
        ORDER BY position DESC LIMIT 1`,
      [invoiceId],
    );
    return { type: row?.type ?? '', version: row?.version ?? 0, tagIds: row?.tag_ids };
  }

  async function sendInvoice(id: string): Promise<void> {
    const response = await as(acme.admin).post(`/api/invoices/${id}/send`, {});
    expect(response.status, JSON.stringify(response.body)).toBe(200);
  }

  it('tags a draft on create (tags or tagIds), returns them by name, and stores the links and the event', async () => {
    const vip = await crm.createTag(acme.admin, { name: 'Zeta VIP' });
    const retainer = await crm.createTag(acme.admin, { name: 'Alpha retainer' });
    const response = await as(acme.admin).post('/api/invoices', {
      customerId,
      items: [{ description: 'Support', quantity: '1', unitPrice: '10.00' }],
      tags: [{ id: vip.id }, { id: retainer.id }],
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const invoice = response.body as TaggedInvoice;
    expect(invoice.tags.map((tag) => tag.name)).toEqual(['Alpha retainer', 'Zeta VIP']);
    expect(await storedTagIds(invoice.id)).toEqual([vip.id, retainer.id].sort());
    expect(await lastEventTagIds(invoice.id)).toEqual({
      type: 'invoice.created',
      version: 2,
      tagIds: [vip.id, retainer.id].sort(),
    });

    const flat = await as(acme.admin).post('/api/invoices', { customerId, tagIds: [vip.id] });
    expect(flat.status).toBe(201);
    expect((flat.body as TaggedInvoice).tags).toEqual([{ id: vip.id, name: 'Zeta VIP', color: expect.any(String) }]);
    const got = await as(viewer).get(`/api/invoices/${invoice.id}`);
    expect((got.body as TaggedInvoice).tags.map((tag) => tag.id)).toEqual([retainer.id, vip.id]);
  });

  it('refuses bad tags with 400 and foreign tags with 404, writing nothing', async () => {
    const tag = await crm.createTag(acme.admin);
    const before = await t.db.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM invoice`);
    expectProblem(
      await as(acme.admin).post('/api/invoices', { customerId, tagIds: ['not-a-uuid'] }),
      400,
      'VALIDATION_FAILED',
      ['tagIds'],
    );
    expectProblem(
      await as(acme.admin).post('/api/invoices', { customerId, tags: [{ id: tag.id }], tagIds: [tag.id] }),
      400,
      'VALIDATION_FAILED',
      ['tagIds'],
    );
    expectProblem(await as(acme.admin).post('/api/invoices', { customerId, tags: null }), 400, 'VALIDATION_FAILED', [
      'tags',
    ]);
    const globexTag = await crm.createTag(globex.admin);
    const branchTag = await crm.createTag(acme.admin, {}, branchId);
    for (const foreign of [globexTag.id, branchTag.id]) {
      expectProblem(
        await as(acme.admin).post('/api/invoices', { customerId, tagIds: [foreign] }),
        404,
        'TAG_NOT_FOUND',
        ['tagIds'],
      );
    }
    const after = await t.db.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM invoice`);
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it('replaces tags on PATCH of a draft, and of a sent invoice when only tags are sent; other fields stay 409', async () => {
    const first = await crm.createTag(acme.admin);
    const second = await crm.createTag(acme.admin);
    const invoice = await crm.createInvoice(acme.admin, { customerId, tagIds: [first.id] });
    const patched = await as(acme.admin).patch(`/api/invoices/${invoice.id}`, { tagIds: [second.id], notes: 'n' });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect((patched.body as TaggedInvoice).tags.map((tag) => tag.id)).toEqual([second.id]);
    expect(await storedTagIds(invoice.id)).toEqual([second.id]);

    await sendInvoice(invoice.id);
    const sentVersion = ((await as(acme.admin).get(`/api/invoices/${invoice.id}`)).body as TaggedInvoice).version;
    const retagged = await as(acme.admin).patch(`/api/invoices/${invoice.id}`, { tags: [{ id: first.id }] });
    expect(retagged.status, JSON.stringify(retagged.body)).toBe(200);
    expect(retagged.body).toMatchObject({ status: 'SENT', tags: [{ id: first.id }], version: sentVersion + 1 });
    expect(await storedTagIds(invoice.id)).toEqual([first.id]);
    expect(await lastEventTagIds(invoice.id)).toEqual({ type: 'invoice.updated', version: 2, tagIds: [first.id] });

    expectProblem(
      await as(acme.admin).patch(`/api/invoices/${invoice.id}`, { tagIds: [], notes: 'changed' }),
      409,
      'INVOICE_NOT_DRAFT',
    );
    expectProblem(await as(acme.admin).patch(`/api/invoices/${invoice.id}`, {}), 409, 'INVOICE_NOT_DRAFT');
    expect(await storedTagIds(invoice.id)).toEqual([first.id]);

    const cleared = await as(acme.admin).patch(`/api/invoices/${invoice.id}`, { tagIds: [] });
    expect((cleared.body as TaggedInvoice).tags).toEqual([]);
    expect(await storedTagIds(invoice.id)).toEqual([]);
  });

  it('guards tag changes like any edit: 403 without the grant, 404 across tenants, foreign tags 404', async () => {
    const tag = await crm.createTag(acme.admin);
    const invoice = await crm.createInvoice(acme.admin, { customerId });
    expectProblem(await as(viewer).patch(`/api/invoices/${invoice.id}`, { tagIds: [tag.id] }), 403, 'FORBIDDEN');
    expectProblem(await as(agent).patch(`/api/invoices/${invoice.id}`, { tagIds: [tag.id] }), 403, 'FORBIDDEN');
    expectProblem(
      await as(globex.admin).patch(`/api/invoices/${invoice.id}`, { tagIds: [tag.id] }),
      404,
      'INVOICE_NOT_FOUND',
    );
    const globexTag = await crm.createTag(globex.admin);
    expectProblem(
      await as(acme.admin).patch(`/api/invoices/${invoice.id}`, { tagIds: [globexTag.id] }),
      404,
      'TAG_NOT_FOUND',
      ['tagIds'],
    );
    expect(await storedTagIds(invoice.id)).toEqual([]);
  });

  it('filters the list and the export by tag id or name', async () => {
    const tag = await crm.createTag(acme.admin, { name: `Filter ${Date.now()}` });
    const tagged = await crm.createInvoice(acme.admin, { customerId, tagIds: [tag.id] });
    await crm.createInvoice(acme.admin, { customerId });
    const byId = await as(viewer).get(`/api/invoices?tag=${tag.id}`);
    expect(byId.status).toBe(200);
    expect(byId.body).toMatchObject({ total: 1, items: [{ id: tagged.id, tags: [{ id: tag.id }] }] });
    const byName = await as(viewer).get(`/api/invoices?tag=${encodeURIComponent(tag.name.toUpperCase())}`);
    expect((byName.body as { items: TaggedInvoice[] }).items.map((item) => item.id)).toEqual([tagged.id]);
    const other = await as(globex.admin).get(`/api/invoices?tag=${tag.id}`);
    expect(other.body).toMatchObject({ total: 0, items: [] });
    expectProblem(await as(viewer).get(`/api/invoices?tag=${'x'.repeat(101)}`), 400, 'VALIDATION_FAILED', ['tag']);

    const csv = await as(viewer).get(`/api/invoices?tag=${tag.id}&format=csv`);
    expect(csv.status).toBe(200);
    const [header, line] = csv.text.trim().split(/\r?\n/);
    const columns = (header ?? '').split(',');
    expect((line ?? '').split(',')[columns.indexOf('tags')]).toBe(tag.name);
  });
});
