import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createCrmWorld,
  type CrmRecords,
  crmRecords,
  expectProblem,
  type Session,
  type TenantFixture,
  type TestApp,
  createTestApp,
} from '@clientele/testing';

interface InvoiceBody {
  id: string;
  organizationId: string;
  kind: 'INVOICE' | 'CREDIT_NOTE';
  number: string | null;
  status: string;
  currency: string;
  contactId: string | null;
  customerId: string | null;
  creditedInvoiceId: string | null;
  issueDate: string;
  dueDate: string | null;
  items: Array<{ description: string; net: string; tax: string; gross: string; documentDiscount: string }>;
  taxes: Array<{ rate: string; net: string; tax: string }>;
  subtotal: string;
  discountTotal: string;
  netTotal: string;
  taxTotal: string;
  total: string;
  amountPaid: string;
  amountCredited: string;
  amountRefunded: string;
  balance: string;
  sentTo: string[] | null;
}

describe('invoices', () => {
  let t: TestApp;
  let acme: TenantFixture;
  let globex: TenantFixture;
  let viewer: Session;
  let agent: Session;
  let guest: Session;
  let branchId: string;
  let crm: CrmRecords;
  let customerId: string;
  let contactId: string;
  let globexCustomerId: string;
  let branchCustomerId: string;

  function as(
    session: Session,
    organizationId = session === globex.admin ? globex.organizationId : acme.organizationId,
  ) {
    const headers = (request: ReturnType<typeof t.http.get>) =>
      request.set(bearer(session)).set('X-Organization-Id', organizationId);
    return {
      get: (url: string) => headers(t.http.get(url)),
      post: (url: string, body: object = {}) => headers(t.http.post(url)).send(body),
      patch: (url: string, body: object) => headers(t.http.patch(url)).send(body),
      delete: (url: string) => headers(t.http.delete(url)),
    };
  }

  beforeAll(async () => {
    t = await createTestApp();
    const world = await createCrmWorld(t.http);
    ({ acme, globex, viewer, agent, guest, branchId } = world);
    crm = crmRecords(t.http, world);
    customerId = (await crm.createCustomer(acme.admin, { name: 'Initech <Ltd>' })).id;
    contactId = (await crm.createContact(acme.admin, { email: 'bill@initech.example' })).id;
    globexCustomerId = (await crm.createCustomer(globex.admin)).id;
    branchCustomerId = (await crm.createCustomer(acme.admin, {}, branchId)).id;
  });
  afterAll(async () => {
    await t.close();
  });

  async function draft(body: object = {}, session: Session = acme.admin): Promise<InvoiceBody> {
    return (await crm.createInvoice(session, { customerId, ...body })) as unknown as InvoiceBody;
  }

  async function sent(body: object = {}): Promise<InvoiceBody> {
    const invoice = await draft(body);
    const response = await as(acme.admin).post(`/api/invoices/${invoice.id}/send`, {});
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as InvoiceBody;
  }

  async function row(id: string): Promise<Record<string, unknown>> {
    const [stored] = await t.db.query(
      `SELECT tenant_id, organization_id, kind, number, status, currency, customer_id, contact_id,
              subtotal::text, discount_total::text, net_total::text, tax_total::text, total::text,
              amount_paid::text, amount_credited::text, amount_refunded::text, balance::text, deleted_at, items
         FROM invoice WHERE id = $1`,
      [id],
    );
    return stored as Record<string, unknown>;
  }

  async function events(entityId: string): Promise<string[]> {
    const rows: Array<{ type: string }> = await t.db.query(
      `SELECT type FROM outbox_event WHERE entity_id = $1 ORDER BY position`,
      [entityId],
    );
    return rows.map((each) => each.type);
  }

  describe('POST /api/invoices', () => {
    it('creates a draft with server-computed totals, no number, and stores the same figures', async () => {
      const invoice = await draft({
        items: [
          { description: 'Consulting', quantity: '2', unitPrice: '100.00', taxRate: '20' },
          { description: 'Travel', quantity: '1', unitPrice: '50.00', taxRate: '0' },
        ],
        discount: { kind: 'PERCENT', value: '10' },
        paymentTermsDays: 30,
        issueDate: '2026-11-01',
      });
      expect(invoice).toMatchObject({
        kind: 'INVOICE',
        number: null,
        status: 'DRAFT',
        currency: 'GBP',
        customerId,
        issueDate: '2026-11-01',
        dueDate: '2026-12-01',
        subtotal: '250.00',
        discountTotal: '25.00',
        netTotal: '225.00',
        taxTotal: '36.00',
        total: '261.00',
        balance: '261.00',
        amountPaid: '0.00',
      });
      expect(invoice.items.map((item) => item.documentDiscount)).toEqual(['20.00', '5.00']);
      expect(invoice.taxes).toEqual([
        { rate: '0', net: '45.00', tax: '0.00' },
        { rate: '20', net: '180.00', tax: '36.00' },
      ]);
      expect(await row(invoice.id)).toMatchObject({
        tenant_id: acme.tenantId,
        organization_id: acme.organizationId,
        number: null,
        status: 'DRAFT',
        total: '261.0000',
        tax_total: '36.0000',
        balance: '261.0000',
      });
      expect(await events(invoice.id)).toEqual(['invoice.created']);
    });

    it('respects each currency’s minor units: JPY whole, KWD three decimals', async () => {
      const jpy = await draft({
        currency: 'JPY',
        items: [{ description: 'x', quantity: '1.5', unitPrice: '333', taxRate: '10' }],
      });
      expect([jpy.netTotal, jpy.taxTotal, jpy.total]).toEqual(['500', '50', '550']);
      const kwd = await draft({
        currency: 'KWD',
        items: [{ description: 'x', quantity: '1', unitPrice: '1.234', taxRate: '5' }],
      });
      expect(kwd.total).toBe('1.296');
    });

    it('derives nets from tax-inclusive prices so the pieces add up to the gross', async () => {
      const invoice = await draft({
        pricesIncludeTax: true,
        items: [{ description: 'Box', quantity: '3', unitPrice: '9.99', taxRate: '20' }],
      });
      expect([invoice.total, invoice.netTotal, invoice.taxTotal]).toEqual(['29.97', '24.98', '4.99']);
    });

    it('refuses a client-supplied total, a too-precise price, a bad quantity or discount, writing nothing', async () => {
      const before = await t.db.query(`SELECT count(*)::int AS n FROM invoice`);
      expectProblem(
        await as(acme.admin).post('/api/invoices', { customerId, total: '1.00' }),
        400,
        'VALIDATION_FAILED',
        ['total'],
      );
      expectProblem(
        await as(acme.admin).post('/api/invoices', {
          currency: 'JPY',
          items: [{ description: 'x', quantity: '1', unitPrice: '10.5' }],
        }),
        400,
        'AMOUNT_TOO_PRECISE',
        ['items.0.unitPrice'],
      );
      expectProblem(
        await as(acme.admin).post('/api/invoices', { items: [{ description: 'x', quantity: '0', unitPrice: '1.00' }] }),
        400,
        'VALIDATION_FAILED',
        ['items.0.quantity'],
      );
      expectProblem(
        await as(acme.admin).post('/api/invoices', { items: [{ description: 'x', quantity: 1, unitPrice: '1.00' }] }),
        400,
        'VALIDATION_FAILED',
        ['items.0.quantity'],
      );
      expectProblem(
        await as(acme.admin).post('/api/invoices', {
          items: [{ description: 'x', quantity: '1', unitPrice: '10.00' }],
          discount: { kind: 'AMOUNT', value: '10.01' },
        }),
        400,
        'DISCOUNT_TOO_LARGE',
        ['discount.value'],
      );
      expectProblem(await as(acme.admin).post('/api/invoices', { currency: 'XXX' }), 400, 'UNKNOWN_CURRENCY', [
        'currency',
      ]);
      expectProblem(
        await as(acme.admin).post('/api/invoices', { issueDate: '2026-12-10', dueDate: '2026-12-01' }),
        400,
        'DUE_BEFORE_ISSUE',
        ['dueDate'],
      );
      const after = await t.db.query(`SELECT count(*)::int AS n FROM invoice`);
      expect(after).toEqual(before);
    });

    it('answers 404 naming the field for another tenant’s or organization’s customer or contact', async () => {
      expectProblem(
        await as(acme.admin).post('/api/invoices', { customerId: globexCustomerId }),
        404,
        'CUSTOMER_NOT_FOUND',
        ['customerId'],
      );
      expectProblem(
        await as(acme.admin).post('/api/invoices', { customerId: branchCustomerId }),
        404,
        'CUSTOMER_NOT_FOUND',
        ['customerId'],
      );
      const globexContact = await crm.createContact(globex.admin);
      expectProblem(
        await as(acme.admin).post('/api/invoices', { contactId: globexContact.id }),
        404,
        'CONTACT_NOT_FOUND',
        ['contactId'],
      );
    });

    it('needs ORG_INVOICE_EDIT or _EDIT_OWN: 403 for a VIEWER or GUEST; an AGENT creates its own', async () => {
      expectProblem(await as(viewer).post('/api/invoices', { customerId }), 403, 'FORBIDDEN');
      expectProblem(await as(guest).post('/api/invoices', { customerId }), 403, 'FORBIDDEN');
      const own = await draft({}, agent);
      expect(own.status).toBe('DRAFT');
    });
  });

  describe('GET /api/invoices[/:id]', () => {
    it('gets one; another tenant’s or organization’s invoice is a 404', async () => {
      const invoice = await draft();
      const response = await as(viewer).get(`/api/invoices/${invoice.id}`);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: invoice.id, total: invoice.total });
      expectProblem(await as(globex.admin).get(`/api/invoices/${invoice.id}`), 404, 'INVOICE_NOT_FOUND');
      const branchInvoice = await crm.createInvoice(acme.admin, {}, branchId);
      expectProblem(await as(viewer).get(`/api/invoices/${branchInvoice.id}`), 404, 'INVOICE_NOT_FOUND');
      expectProblem(await as(guest).get(`/api/invoices`), 403, 'FORBIDDEN');
    });

    it('filters by status incl. derived OVERDUE, customer, currency, dates, totals and q; exports the same figures as CSV', async () => {
      const customer = await crm.createCustomer(acme.admin, { name: 'Filterco' });
      const overdue = await sent({ customerId: customer.id, issueDate: '2025-01-10', dueDate: '2025-02-10' });
      const open = await sent({ customerId: customer.id, paymentTermsDays: 3650 });
      const other = await draft({ customerId: customer.id, currency: 'EUR' });
      const list = async (query: string): Promise<string[]> => {
        const response = await as(acme.admin).get(`/api/invoices?customerId=${customer.id}&${query}`);
        expect(response.status, JSON.stringify(response.body)).toBe(200);
        return (response.body.items as InvoiceBody[]).map((each) => each.id).sort();
      };
      expect(await list('status=OVERDUE')).toEqual([overdue.id]);
      expect(await list('status=SENT')).toEqual([open.id]);
      expect(await list('status=DRAFT')).toEqual([other.id]);
      expect(await list('currency=EUR')).toEqual([other.id]);
      expect(await list('issueDateTo=2025-12-31')).toEqual([overdue.id]);
      expect(await list('totalMin=290.00&totalMax=290.00')).toEqual([open.id, other.id, overdue.id].sort());
      expect(await list(`q=${encodeURIComponent(overdue.number ?? '')}`)).toEqual([overdue.id]);
      expect(await list('q=filterco')).toHaveLength(3);
      const got = await as(acme.admin).get(`/api/invoices/${overdue.id}`);
      expect(got.body.status).toBe('OVERDUE');
      expectProblem(await as(acme.admin).get('/api/invoices?status=LATE'), 400, 'VALIDATION_FAILED', ['status']);
      expectProblem(await as(acme.admin).get('/api/invoices?totalMin=1e3'), 400, 'VALIDATION_FAILED', ['totalMin']);

      const csv = await as(acme.admin).get(`/api/invoices?customerId=${customer.id}&status=OVERDUE&format=csv`);
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      const [header, line] = csv.text.trim().split(/\r?\n/);
      const columns = (header ?? '').split(',');
      const values = (line ?? '').split(',');
      const cell = (name: string): string | undefined => values[columns.indexOf(name)];
      expect(cell('number')).toBe(overdue.number);
      expect(cell('status')).toBe('OVERDUE');
      expect(cell('total')).toBe(overdue.total);
      expect(cell('taxTotal')).toBe(overdue.taxTotal);
    });

    it('reports exact totals from the counters for date-free statuses, kind and currency', async () => {
      const organizationId = acme.organizationId;
      const stored = async (where: string, parameters: unknown[]): Promise<number> => {
        const [row] = await t.db.query(
          `SELECT count(*)::int AS n FROM invoice WHERE tenant_id = $1 AND organization_id = $2 AND deleted_at IS NULL ${where}`,
          [acme.tenantId, organizationId, ...parameters],
        );
        return row.n as number;
      };
      const total = async (query: string): Promise<number> => {
        const response = await as(acme.admin).get(`/api/invoices?organizationId=${organizationId}&limit=1&${query}`);
        expect(response.status, JSON.stringify(response.body)).toBe(200);
        return response.body.total as number;
      };
      await draft({ currency: 'EUR' });
      const paid = await sent({});
      expect((await as(acme.admin).post(`/api/invoices/${paid.id}/payments`, { amount: paid.total })).status).toBe(201);
      await as(acme.admin).delete(`/api/invoices/${(await draft({})).id}`);
      expect(await total('status=DRAFT')).toBe(await stored(`AND status = 'DRAFT'`, []));
      expect(await total('status=PAID')).toBe(await stored(`AND status = 'PAID'`, []));
      expect(await total('status=DRAFT&currency=EUR')).toBe(
        await stored(`AND status = 'DRAFT' AND currency = $3`, ['EUR']),
      );
      expect(await total('kind=INVOICE')).toBe(await stored(`AND kind = 'INVOICE'`, []));
      expect(await total('')).toBe(await stored('', []));
      // The counters, not a count: one counter row per (status, kind, currency) holds what the list reports.
      const [counted] = await t.db.query(
        `SELECT coalesce(sum(count), 0)::int AS n FROM invoice_facet_count
          WHERE tenant_id = $1 AND organization_id = $2 AND status = 'PAID'`,
        [acme.tenantId, organizationId],
      );
      expect(counted.n).toBe(await stored(`AND status = 'PAID'`, []));
      expect(counted.n).toBeGreaterThan(0);
    });
  });

  describe('PATCH and DELETE /api/invoices/:id', () => {
    it('changes a draft and recomputes; a sent invoice is 409 for both', async () => {
      const invoice = await draft();
      const response = await as(acme.admin).patch(`/api/invoices/${invoice.id}`, {
        items: [{ description: 'Only line', quantity: '1', unitPrice: '10.00', taxRate: '20' }],
      });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body).toMatchObject({ total: '12.00', taxTotal: '2.00' });
      expect(await row(invoice.id)).toMatchObject({ total: '12.0000' });
      expectProblem(
        await as(acme.admin).patch(`/api/invoices/${invoice.id}`, { balance: '0' }),
        400,
        'VALIDATION_FAILED',
        ['balance'],
      );
      expectProblem(
        await as(acme.admin).patch(`/api/invoices/${invoice.id}`, { customerId: globexCustomerId }),
        404,
        'CUSTOMER_NOT_FOUND',
        ['customerId'],
      );
      expectProblem(await as(viewer).patch(`/api/invoices/${invoice.id}`, { notes: 'x' }), 403, 'FORBIDDEN');
      expectProblem(await as(agent).patch(`/api/invoices/${invoice.id}`, { notes: 'x' }), 403, 'FORBIDDEN');
      expectProblem(
        await as(globex.admin).patch(`/api/invoices/${invoice.id}`, { notes: 'x' }),
        404,
        'INVOICE_NOT_FOUND',
      );

      const done = await sent();
      expectProblem(await as(acme.admin).patch(`/api/invoices/${done.id}`, { notes: 'x' }), 409, 'INVOICE_NOT_DRAFT');
      expectProblem(await as(acme.admin).delete(`/api/invoices/${done.id}`), 409, 'INVOICE_NOT_DRAFT');
    });

    it('deletes a draft without burning a number; an AGENT cannot delete', async () => {
      const invoice = await draft();
      expectProblem(await as(agent).delete(`/api/invoices/${invoice.id}`), 403, 'FORBIDDEN');
      expectProblem(await as(globex.admin).delete(`/api/invoices/${invoice.id}`), 404, 'INVOICE_NOT_FOUND');
      expect((await as(acme.admin).delete(`/api/invoices/${invoice.id}`)).status).toBe(204);
      expect((await row(invoice.id)).deleted_at).not.toBeNull();
      expect(await events(invoice.id)).toEqual(['invoice.created', 'invoice.deleted']);
      expectProblem(await as(acme.admin).get(`/api/invoices/${invoice.id}`), 404, 'INVOICE_NOT_FOUND');
    });
  });

  describe('numbering', () => {
    it('gives 50 parallel sends in one organization 50 distinct consecutive numbers; another tenant starts its own', async () => {
      const drafts = await Promise.all(Array.from({ length: 50 }, () => draft({ issueDate: '2031-03-01' })));
      const responses = await Promise.all(
        drafts.map((each) => as(acme.admin).post(`/api/invoices/${each.id}/send`, {})),
      );
      for (const response of responses) expect(response.status, JSON.stringify(response.body)).toBe(200);
      const numbers = responses.map((response) => (response.body as InvoiceBody).number ?? '').sort();
      expect(new Set(numbers).size).toBe(50);
      expect(numbers).toEqual(
        Array.from({ length: 50 }, (_, index) => `INV-2031-${String(index + 1).padStart(5, '0')}`),
      );
      const stored: Array<{ last_number: number }> = await t.db.query(
        `SELECT last_number FROM document_sequence WHERE tenant_id = $1 AND kind = 'INVOICE' AND year = 2031`,
        [acme.tenantId],
      );
      expect(stored).toEqual([{ last_number: 50 }]);

      const foreign = (await crm.createInvoice(globex.admin, { customerId: globexCustomerId, issueDate: '2031-05-05' }))
        .id;
      const response = await as(globex.admin).post(`/api/invoices/${foreign}/send`, {});
      expect(response.body.number).toBe('INV-2031-00001');
    });
  });

  describe('lifecycle: send, payments, void, credit notes', () => {
    it('sends a draft: numbered, SENT, sentTo the contact; a draft without lines or anyone to bill is 400', async () => {
      const invoice = await draft({ contactId, customerId: null, issueDate: '2032-01-15' });
      const response = await as(agent).post(`/api/invoices/${invoice.id}/send`, {});
      expectProblem(response, 403, 'FORBIDDEN');
      const done = await as(acme.admin).post(`/api/invoices/${invoice.id}/send`, {});
      expect(done.body).toMatchObject({ status: 'SENT', number: 'INV-2032-00001', sentTo: ['bill@initech.example'] });
      expect(await row(invoice.id)).toMatchObject({ status: 'SENT', number: 'INV-2032-00001' });
      expect(await events(invoice.id)).toEqual(['invoice.created', 'invoice.sent']);
      expectProblem(await as(acme.admin).post(`/api/invoices/${invoice.id}/send`, {}), 409, 'INVOICE_NOT_DRAFT');
      const empty = await draft({ items: [] });
      expectProblem(await as(acme.admin).post(`/api/invoices/${empty.id}/send`, {}), 400, 'INVOICE_EMPTY', ['items']);
      const nobody = await draft({ customerId: null });
      expectProblem(await as(acme.admin).post(`/api/invoices/${nobody.id}/send`, {}), 400, 'INVOICE_NOT_ADDRESSED', [
        'customerId',
      ]);
      expectProblem(
        await as(acme.admin).post(`/api/invoices/${empty.id}/send`, { to: ['not-an-email'] }),
        400,
        'VALIDATION_FAILED',
        ['to'],
      );
      expectProblem(await as(globex.admin).post(`/api/invoices/${empty.id}/send`, {}), 404, 'INVOICE_NOT_FOUND');
      const agentOwn = await draft({}, agent);
      expect((await as(agent).post(`/api/invoices/${agentOwn.id}/send`, {})).status).toBe(200);
    });

    it('records payments up to the balance: PARTIALLY_PAID, then PAID; deleting one reopens it', async () => {
      const invoice = await sent();
      const url = `/api/invoices/${invoice.id}/payments`;
      expectProblem(
        await as(acme.admin).post(`/api/invoices/${(await draft()).id}/payments`, { amount: '1.00' }),
        409,
        'INVOICE_NOT_PAYABLE',
      );
      const first = await as(acme.admin).post(url, {
        amount: '100.00',
        method: 'CARD',
        reference: 'r-1',
        paidOn: '2026-12-01',
      });
      expect(first.status, JSON.stringify(first.body)).toBe(201);
      expect(first.body).toMatchObject({ amount: '100.00', currency: 'GBP', method: 'CARD', paidOn: '2026-12-01' });
      const over = await as(acme.admin).post(url, { amount: '190.01' });
      expectProblem(over, 400, 'PAYMENT_EXCEEDS_BALANCE', ['amount']);
      expect(JSON.stringify(over.body)).toContain('190.00');
      expectProblem(await as(acme.admin).post(url, { amount: '0.001' }), 400, 'AMOUNT_TOO_PRECISE', ['amount']);
      expectProblem(await as(acme.admin).post(url, { amount: '0' }), 400, 'VALIDATION_FAILED', ['amount']);
      expectProblem(await as(viewer).post(url, { amount: '1.00' }), 403, 'FORBIDDEN');
      expectProblem(await as(globex.admin).post(url, { amount: '1.00' }), 404, 'INVOICE_NOT_FOUND');
      expect((await as(acme.admin).get(`/api/invoices/${invoice.id}`)).body).toMatchObject({
        status: 'PARTIALLY_PAID',
        amountPaid: '100.00',
        balance: '190.00',
      });
      const second = await as(acme.admin).post(url, { amount: '190.00' });
      expect(second.status).toBe(201);
      expect(await row(invoice.id)).toMatchObject({ status: 'PAID', balance: '0.0000', amount_paid: '290.0000' });
      expect(await events(invoice.id)).toEqual(['invoice.created', 'invoice.sent', 'invoice.paid']);
      expect(await events(first.body.id as string)).toEqual(['invoice.payment_recorded']);

      const listed = await as(viewer).get(url);
      expect(listed.status).toBe(200);
      expect((listed.body as Array<{ amount: string }>).map((each) => each.amount)).toEqual(['100.00', '190.00']);
      expectProblem(await as(globex.admin).get(url), 404, 'INVOICE_NOT_FOUND');

      expectProblem(await as(agent).delete(`${url}/${first.body.id as string}`), 403, 'FORBIDDEN');
      expectProblem(await as(globex.admin).delete(`${url}/${first.body.id as string}`), 404, 'INVOICE_NOT_FOUND');
      expect((await as(acme.admin).delete(`${url}/${first.body.id as string}`)).status).toBe(204);
      expect(await row(invoice.id)).toMatchObject({ status: 'PARTIALLY_PAID', balance: '100.0000' });
      expectProblem(await as(acme.admin).delete(`${url}/${first.body.id as string}`), 404, 'INVOICE_PAYMENT_NOT_FOUND');
    });

    it('voids a sent invoice with nothing paid; a paid one or a draft is 409', async () => {
      const invoice = await sent();
      expectProblem(await as(viewer).post(`/api/invoices/${invoice.id}/void`), 403, 'FORBIDDEN');
      const voided = await as(acme.admin).post(`/api/invoices/${invoice.id}/void`);
      expect(voided.status).toBe(200);
      expect(voided.body).toMatchObject({ status: 'VOID', number: invoice.number });
      expect(await events(invoice.id)).toEqual(['invoice.created', 'invoice.sent', 'invoice.voided']);
      expectProblem(await as(acme.admin).post(`/api/invoices/${invoice.id}/void`), 409, 'INVALID_TRANSITION');
      const paid = await sent();
      await as(acme.admin).post(`/api/invoices/${paid.id}/payments`, { amount: '1.00' });
      expectProblem(await as(acme.admin).post(`/api/invoices/${paid.id}/void`), 409, 'INVALID_TRANSITION');
      expectProblem(await as(acme.admin).post(`/api/invoices/${(await draft()).id}/void`), 409, 'INVALID_TRANSITION');
      expectProblem(await as(globex.admin).post(`/api/invoices/${paid.id}/void`), 404, 'INVOICE_NOT_FOUND');
    });

    it('issues credit notes in their own sequence: they reduce the balance, the excess is refunded', async () => {
      const invoice = await sent({ issueDate: '2026-06-01' });
      const partial = await as(acme.admin).post(`/api/invoices/${invoice.id}/credit-note`, {
        lines: [{ line: 0, quantity: '1' }],
      });
      expect(partial.status, JSON.stringify(partial.body)).toBe(201);
      const note = partial.body as InvoiceBody;
      expect(note).toMatchObject({
        kind: 'CREDIT_NOTE',
        status: 'ISSUED',
        creditedInvoiceId: invoice.id,
        total: '120.00',
      });
      expect(note.number).toMatch(/^CN-\d{4}-00001$/);
      expect(await row(invoice.id)).toMatchObject({
        status: 'PARTIALLY_PAID',
        amount_credited: '120.0000',
        balance: '170.0000',
      });
      expect(await events(note.id)).toEqual(['credit_note.issued']);

      await as(acme.admin).post(`/api/invoices/${invoice.id}/payments`, { amount: '170.00' });
      const rest = await as(acme.admin).post(`/api/invoices/${invoice.id}/credit-note`, { lines: [{ line: 1 }] });
      expect(rest.status).toBe(201);
      expect(rest.body).toMatchObject({ total: '50.00', amountRefunded: '50.00', balance: '0.00' });
      expect((rest.body as InvoiceBody).number).toMatch(/^CN-\d{4}-00002$/);
      expectProblem(
        await as(acme.admin).post(`/api/invoices/${invoice.id}/credit-note`, {}),
        400,
        'CREDIT_EXCEEDS_INVOICE',
        ['lines'],
      );
      expectProblem(
        await as(acme.admin).post(`/api/invoices/${invoice.id}/credit-note`, { lines: [{ line: 0, quantity: '5' }] }),
        400,
        'VALIDATION_FAILED',
        ['lines.0.quantity'],
      );
      expectProblem(
        await as(acme.admin).post(`/api/invoices/${invoice.id}/credit-note`, { lines: [{ line: 9 }] }),
        400,
        'VALIDATION_FAILED',
        ['lines.0.line'],
      );
      expectProblem(
        await as(acme.admin).post(`/api/invoices/${(await draft()).id}/credit-note`, {}),
        409,
        'INVOICE_NOT_CREDITABLE',
      );
      expectProblem(await as(viewer).post(`/api/invoices/${invoice.id}/credit-note`, {}), 403, 'FORBIDDEN');
      expectProblem(
        await as(globex.admin).post(`/api/invoices/${invoice.id}/credit-note`, {}),
        404,
        'INVOICE_NOT_FOUND',
      );
    });
  });

  describe('contact detail', () => {
    it('shows the contact’s recent invoices with the same figures', async () => {
      const contact = await crm.createContact(acme.admin);
      const invoice = await draft({ contactId: contact.id });
      const detail = await as(viewer).get(`/api/crm/contacts/${contact.id}`);
      expect(detail.status).toBe(200);
      expect(detail.body.recentInvoices).toEqual([
        expect.objectContaining({ id: invoice.id, total: invoice.total, status: 'DRAFT' }),
      ]);
    });
  });

  describe('HTML render', () => {
    it('renders the same figures as a printable page, every text escaped', async () => {
      const invoice = await sent({
        notes: '<script>alert(1)</script>',
        items: [{ description: 'Widget & <b>bold</b>', quantity: '1', unitPrice: '10.00', taxRate: '20' }],
      });
      for (const request of [
        as(viewer).get(`/api/invoices/${invoice.id}?format=html`),
        as(viewer).get(`/api/invoices/${invoice.id}`).set('Accept', 'text/html,application/xhtml+xml'),
      ]) {
        const response = await request;
        expect(response.status).toBe(200);
        expect(response.headers['content-type']).toMatch(/^text\/html/);
        expect(response.text).toContain(invoice.number ?? 'missing');
        expect(response.text).toContain('12.00 GBP');
        expect(response.text).toContain('Initech &lt;Ltd&gt;');
        expect(response.text).toContain('Widget &amp; &lt;b&gt;bold&lt;/b&gt;');
        expect(response.text).toContain('&lt;script&gt;');
        expect(response.text).not.toContain('<script>');
      }
      expectProblem(await as(globex.admin).get(`/api/invoices/${invoice.id}?format=html`), 404, 'INVOICE_NOT_FOUND');
      expectProblem(await as(viewer).get(`/api/invoices/${invoice.id}?format=xml`), 400, 'VALIDATION_FAILED', [
        'format',
      ]);
    });

    it('renders the same figures as an A4 PDF, for ?format=pdf or Accept: application/pdf', async () => {
      const invoice = await sent({
        items: [{ description: 'Widget', quantity: '1', unitPrice: '10.00', taxRate: '20' }],
      });
      for (const request of [
        as(viewer).get(`/api/invoices/${invoice.id}?format=pdf`),
        as(viewer).get(`/api/invoices/${invoice.id}`).set('Accept', 'application/pdf'),
      ]) {
        const response = await request.buffer(true).parse((stream, done) => {
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => done(null, Buffer.concat(chunks)));
        });
        expect(response.status).toBe(200);
        expect(response.headers['content-type']).toBe('application/pdf');
        expect(response.headers['content-disposition']).toBe(`inline; filename="${invoice.number}.pdf"`);
        const pdf = response.body as Buffer;
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        const text = pdfText(pdf);
        expect(text).toContain(`Invoice ${invoice.number}`);
        expect(text).toContain('Initech <Ltd>');
        // The same figures as the JSON: 10.00 net, 2.00 tax, 12.00 total and balance.
        for (const figure of ['10.00 GBP', '2.00 GBP', `${invoice.total} GBP`, `${invoice.balance} GBP`]) {
          expect(text).toContain(figure);
        }
      }
      expectProblem(await as(globex.admin).get(`/api/invoices/${invoice.id}?format=pdf`), 404, 'INVOICE_NOT_FOUND');
      expectProblem(await as(guest).get(`/api/invoices/${invoice.id}?format=pdf`), 403, 'FORBIDDEN');
    });
  });

  describe('GET /api/invoices/summary', () => {
    it('sums per currency, never across, over sent invoices issued in the range', async () => {
      const a = await sent({ issueDate: '2040-01-05', dueDate: '2040-01-06' });
      await as(acme.admin).post(`/api/invoices/${a.id}/payments`, { amount: '90.00' });
      await sent({ issueDate: '2040-01-20', currency: 'EUR' });
      await draft({ issueDate: '2040-01-21' });
      const response = await as(viewer).get('/api/invoices/summary?from=2040-01-01&to=2040-01-31');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        from: '2040-01-01',
        to: '2040-01-31',
        currencies: [
          {
            currency: 'EUR',
            invoiceCount: 1,
            invoiced: '290.00',
            paid: '0.00',
            credited: '0.00',
            outstanding: '290.00',
            overdue: '0.00',
          },
          {
            currency: 'GBP',
            invoiceCount: 1,
            invoiced: '290.00',
            paid: '90.00',
            credited: '0.00',
            outstanding: '200.00',
            overdue: '0.00',
          },
        ],
      });
      expectProblem(await as(viewer).get('/api/invoices/summary?from=2040-13-01'), 400, 'VALIDATION_FAILED', ['from']);
      expectProblem(await as(guest).get('/api/invoices/summary'), 403, 'FORBIDDEN');
      const foreign = await as(globex.admin).get('/api/invoices/summary?from=2040-01-01&to=2040-01-31');
      expect(foreign.body.currencies).toEqual([]);
    });
  });
});

/**
 * The text a PDF shows, as far as these tests need it: every content stream inflated, the hex
 * strings of its `TJ` arrays decoded and joined (pdfkit's built-in fonts write text that way).
 */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1] ?? '', 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const array of content.matchAll(/\[(.*?)\] TJ/g)) {
      const hex = [...(array[1] ?? '').matchAll(/<([0-9a-f]*)>/gi)].map((part) => part[1] ?? '').join('');
      lines.push(Buffer.from(hex, 'hex').toString('latin1'));
    }
  }
  return lines.join('\n');
}
