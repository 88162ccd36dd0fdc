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

interface Item {
  id: string;
  description: string;
  quantity: string;
  unitPrice: string;
  taxRate: string;
  net: string;
  tax: string;
  gross: string;
}

interface Invoice {
  id: string;
  status: string;
  items: Item[];
  subtotal: string;
  taxTotal: string;
  total: string;
  balance: string;
  taxes: Array<{ rate: string; net: string; tax: string }>;
}

describe('invoice items', () => {
  let t: TestApp;
  let acme: TenantFixture;
  let globex: TenantFixture;
  let viewer: Session;
  let agent: Session;
  let guest: Session;
  let branchId: string;
  let crm: CrmRecords;
  let customerId: string;
  let as: (session: Session, organizationId?: string) => MemberRequests;

  beforeAll(async () => {
    t = await createTestApp();
    const world = await createCrmWorld(t.http);
    ({ acme, globex, viewer, agent, guest, branchId } = world);
    crm = crmRecords(t.http, world);
    as = (session, organizationId) => requestsIn(t.http, world, session, organizationId);
    customerId = (await crm.createCustomer(acme.admin)).id;
  });
  afterAll(async () => {
    await t.close();
  });

  /** A draft with one line: 2 × 100.00 at 20%. */
  async function draft(session: Session = acme.admin): Promise<Invoice> {
    const response = await as(session).post('/api/invoices', {
      customerId,
      items: [{ description: 'Consulting', quantity: '2', unitPrice: '100.00', taxRate: '20' }],
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body as Invoice;
  }

  async function stored(id: string): Promise<{ items: Item[]; total: string; tax_total: string; version: number }> {
    const [row] = await t.db.query<Array<{ items: Item[]; total: string; tax_total: string; version: number }>>(
      `SELECT items, total::text, tax_total::text, version FROM invoice WHERE id = $1`,
      [id],
    );
    if (row === undefined) throw new Error(`no invoice ${id}`);
    return row;
  }

  async function eventTypes(id: string): Promise<string[]> {
    const rows = await t.db.query<Array<{ type: string }>>(
      `SELECT type FROM outbox_event WHERE entity_id = $1 ORDER BY position`,
      [id],
    );
    return rows.map((row) => row.type);
  }

  /** The same invoice, its lines sent inline: what the item routes must equal. */
  async function inline(items: object[]): Promise<Invoice> {
    const response = await as(acme.admin).post('/api/invoices', { customerId, items });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body as Invoice;
  }

  const figures = (invoice: Invoice) => ({
    subtotal: invoice.subtotal,
    taxTotal: invoice.taxTotal,
    total: invoice.total,
    balance: invoice.balance,
    taxes: invoice.taxes,
    lines: invoice.items.map(({ net, tax, gross }) => ({ net, tax, gross })),
  });

  it('lists, adds, changes and removes lines of a draft, with the totals of the same lines sent inline', async () => {
    const invoice = await draft();
    const [first] = invoice.items;
    expect(first?.id).toMatch(/^[0-9a-f-]{36}$/);
    const listed = await as(viewer).get(`/api/invoices/${invoice.id}/items`);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual(invoice.items);

    const added = await as(acme.admin).post(`/api/invoices/${invoice.id}/items`, {
      description: 'Travel',
      quantity: '1.5',
      unitPrice: '33.33',
      taxRate: '7.5',
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const afterAdd = added.body as Invoice;
    expect(afterAdd.items.map((item) => item.description)).toEqual(['Consulting', 'Travel']);
    expect(afterAdd.items[0]?.id).toBe(first?.id);
    expect(figures(afterAdd)).toEqual(
      figures(
        await inline([
          { description: 'Consulting', quantity: '2', unitPrice: '100.00', taxRate: '20' },
          { description: 'Travel', quantity: '1.5', unitPrice: '33.33', taxRate: '7.5' },
        ]),
      ),
    );
    expect(await stored(invoice.id)).toMatchObject({
      total: `${afterAdd.total}00`,
      items: afterAdd.items.map((item) => expect.objectContaining({ id: item.id, gross: item.gross })),
    });

    const travel = afterAdd.items[1];
    const patched = await as(acme.admin).patch(`/api/invoices/${invoice.id}/items/${travel?.id ?? ''}`, {
      quantity: '3',
      discount: { kind: 'PERCENT', value: '10' },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const afterPatch = patched.body as Invoice;
    expect(afterPatch.items[1]).toMatchObject({ id: travel?.id, description: 'Travel', quantity: '3', taxRate: '7.5' });
    expect(figures(afterPatch)).toEqual(
      figures(
        await inline([
          { description: 'Consulting', quantity: '2', unitPrice: '100.00', taxRate: '20' },
          {
            description: 'Travel',
            quantity: '3',
            unitPrice: '33.33',
            taxRate: '7.5',
            discount: { kind: 'PERCENT', value: '10' },
          },
        ]),
      ),
    );

    const removed = await as(acme.admin).delete(`/api/invoices/${invoice.id}/items/${first?.id ?? ''}`);
    expect(removed.status).toBe(204);
    const after = (await as(viewer).get(`/api/invoices/${invoice.id}`)).body as Invoice;
    expect(after.items.map((item) => item.id)).toEqual([travel?.id]);
    expect(figures(after)).toEqual(
      figures(
        await inline([
          {
            description: 'Travel',
            quantity: '3',
            unitPrice: '33.33',
            taxRate: '7.5',
            discount: { kind: 'PERCENT', value: '10' },
          },
        ]),
      ),
    );
    expect(await stored(invoice.id)).toMatchObject({ total: `${after.total}00`, version: 4 });
    expect(await eventTypes(invoice.id)).toEqual([
      'invoice.created',
      'invoice.updated',
      'invoice.updated',
      'invoice.updated',
    ]);
  });

  it('refuses bad lines with 400 naming the body field, writing nothing', async () => {
    const invoice = await draft();
    const [line] = invoice.items;
    const url = `/api/invoices/${invoice.id}/items`;
    expectProblem(await as(acme.admin).post(url, { description: 'x', quantity: '1' }), 400, 'VALIDATION_FAILED', [
      'unitPrice',
    ]);
    expectProblem(
      await as(acme.admin).post(url, { description: 'x', quantity: '1', unitPrice: '1.005' }),
      400,
      'AMOUNT_TOO_PRECISE',
      ['unitPrice'],
    );
    expectProblem(
      await as(acme.admin).post(url, { description: 'x', quantity: '0', unitPrice: '1.00' }),
      400,
      'VALIDATION_FAILED',
      ['quantity'],
    );
    expectProblem(
      await as(acme.admin).post(url, { description: 'x', quantity: '1', unitPrice: '1.00', total: '1.00' }),
      400,
      'VALIDATION_FAILED',
      ['total'],
    );
    expectProblem(
      await as(acme.admin).patch(`${url}/${line?.id ?? ''}`, { quantity: null }),
      400,
      'VALIDATION_FAILED',
      ['quantity'],
    );
    expectProblem(
      await as(acme.admin).patch(`${url}/${line?.id ?? ''}`, { discount: { kind: 'AMOUNT', value: '500.00' } }),
      400,
      'DISCOUNT_TOO_LARGE',
      ['discount.value'],
    );
    expectProblem(await as(acme.admin).patch(`${url}/not-a-uuid`, { quantity: '1' }), 400, 'VALIDATION_FAILED', [
      'itemId',
    ]);
    expect(await stored(invoice.id)).toMatchObject({ total: '240.0000', version: 1, items: [expect.anything()] });
    expect(await eventTypes(invoice.id)).toEqual(['invoice.created']);

    const full = await inline(
      Array.from({ length: 200 }, (_, index) => ({ description: `Line ${index}`, quantity: '1', unitPrice: '1.00' })),
    );
    expectProblem(
      await as(acme.admin).post(`/api/invoices/${full.id}/items`, {
        description: 'x',
        quantity: '1',
        unitPrice: '1.00',
      }),
      400,
      'INVOICE_TOO_MANY_ITEMS',
      ['items'],
    );
    expect((await stored(full.id)).items).toHaveLength(200);
  });

  it('answers 404 for a line the invoice has not, and for another tenant’s or organization’s invoice', async () => {
    const invoice = await draft();
    const other = await draft();
    const [line] = invoice.items;
    const [otherLine] = other.items;
    expectProblem(
      await as(acme.admin).patch(`/api/invoices/${invoice.id}/items/${otherLine?.id ?? ''}`, { quantity: '1' }),
      404,
      'INVOICE_ITEM_NOT_FOUND',
    );
    expectProblem(
      await as(acme.admin).delete(`/api/invoices/${invoice.id}/items/${otherLine?.id ?? ''}`),
      404,
      'INVOICE_ITEM_NOT_FOUND',
    );
    const lineUrl = `/api/invoices/${invoice.id}/items/${line?.id ?? ''}`;
    expectProblem(await as(globex.admin).get(`/api/invoices/${invoice.id}/items`), 404, 'INVOICE_NOT_FOUND');
    expectProblem(
      await as(globex.admin).post(`/api/invoices/${invoice.id}/items`, {
        description: 'x',
        quantity: '1',
        unitPrice: '1.00',
      }),
      404,
      'INVOICE_NOT_FOUND',
    );
    expectProblem(await as(globex.admin).patch(lineUrl, { quantity: '1' }), 404, 'INVOICE_NOT_FOUND');
    expectProblem(await as(globex.admin).delete(lineUrl), 404, 'INVOICE_NOT_FOUND');
    const branchInvoice = await crm.createInvoice(acme.admin, {}, branchId);
    expectProblem(await as(viewer).get(`/api/invoices/${branchInvoice.id}/items`), 404, 'INVOICE_NOT_FOUND');
    expect(await stored(invoice.id)).toMatchObject({ version: 1 });
  });

  it('needs ORG_INVOICE_EDIT or _EDIT_OWN to change lines: 403 for a VIEWER, GUEST, or an AGENT on another’s draft', async () => {
    const invoice = await draft();
    const [line] = invoice.items;
    const body = { description: 'x', quantity: '1', unitPrice: '1.00' };
    const lineUrl = `/api/invoices/${invoice.id}/items/${line?.id ?? ''}`;
    expectProblem(await as(guest).get(`/api/invoices/${invoice.id}/items`), 403, 'FORBIDDEN');
    for (const session of [viewer, guest, agent]) {
      expectProblem(await as(session).post(`/api/invoices/${invoice.id}/items`, body), 403, 'FORBIDDEN');
      expectProblem(await as(session).patch(lineUrl, { quantity: '1' }), 403, 'FORBIDDEN');
      expectProblem(await as(session).delete(lineUrl), 403, 'FORBIDDEN');
    }
    expect(await stored(invoice.id)).toMatchObject({ version: 1 });

    const own = await draft(agent);
    const added = await as(agent).post(`/api/invoices/${own.id}/items`, body);
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect((added.body as Invoice).items).toHaveLength(2);
  });

  it('refuses every change of a sent invoice’s lines with 409, as PATCH of the invoice does; reading them is fine', async () => {
    const invoice = await draft();
    const [line] = invoice.items;
    const send = await as(acme.admin).post(`/api/invoices/${invoice.id}/send`, {});
    expect(send.status, JSON.stringify(send.body)).toBe(200);
    const lineUrl = `/api/invoices/${invoice.id}/items/${line?.id ?? ''}`;
    expectProblem(
      await as(acme.admin).post(`/api/invoices/${invoice.id}/items`, {
        description: 'x',
        quantity: '1',
        unitPrice: '1.00',
      }),
      409,
      'INVOICE_NOT_DRAFT',
    );
    expectProblem(await as(acme.admin).patch(lineUrl, { quantity: '1' }), 409, 'INVOICE_NOT_DRAFT');
    expectProblem(await as(acme.admin).delete(lineUrl), 409, 'INVOICE_NOT_DRAFT');
    const listed = await as(viewer).get(`/api/invoices/${invoice.id}/items`);
    expect(listed.body).toEqual(invoice.items);
    expect(await stored(invoice.id)).toMatchObject({
      total: '240.0000',
      items: [expect.objectContaining({ id: line?.id })],
    });
  });
});
