import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCrmWorld,
  createTestApp,
  crmRecords,
  type CrmRecords,
  type CrmWorld,
  expectProblem,
  outboxEventTypes,
  requestsIn,
  type Session,
  type TestApp,
  unique,
} from '@clientele/testing';

interface AssetRecord {
  id: string;
  organizationId: string;
  customerId: string;
  contactId: string | null;
  contact: { id: string; name: string; email: string | null } | null;
  name: string;
  kind: string;
  serialNumber: string | null;
  rmmDeviceId: string | null;
  lastSeenAt: string | null;
  version: number;
}

describe('assets', () => {
  let t: TestApp;
  let world: CrmWorld;
  let records: CrmRecords;

  const as = (session: Session, organizationId?: string) => requestsIn(t.http, world, session, organizationId);

  beforeAll(async () => {
    t = await createTestApp();
    world = await createCrmWorld(t.http);
    records = crmRecords(t.http, world);
  });
  afterAll(async () => {
    await t.close();
  });

  async function row(assetId: string): Promise<Record<string, unknown> | undefined> {
    const [stored] = await t.db.query(
      `SELECT tenant_id, organization_id, customer_id, contact_id, name, kind, serial_number, rmm_device_id,
              last_seen_at, deleted_at, version
         FROM asset WHERE id = $1`,
      [assetId],
    );
    return stored as Record<string, unknown> | undefined;
  }

  async function createAsset(body: Record<string, unknown>, session: Session = world.acme.admin): Promise<AssetRecord> {
    const response = await as(session).post('/api/assets', { name: `Laptop ${unique()}`, ...body });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body as AssetRecord;
  }

  describe('POST /api/assets', () => {
    it('records an asset of a customer with its contact, stores it, and publishes asset.created', async () => {
      const customer = await records.createCustomer(world.acme.admin);
      const contact = await records.createContact(world.acme.admin, { customerId: customer.id });
      const asset = await createAsset({
        name: '  Reception PC ',
        kind: 'WORKSTATION',
        customerId: customer.id,
        contactId: contact.id,
        serialNumber: ' SN-1001 ',
        rmmDeviceId: 'rmm-42',
        lastSeenAt: '2026-12-01T09:00:00Z',
      });
      expect(asset).toMatchObject({
        organizationId: world.acme.organizationId,
        customerId: customer.id,
        contactId: contact.id,
        contact: { id: contact.id, name: contact.name, email: contact.email },
        name: 'Reception PC',
        kind: 'WORKSTATION',
        serialNumber: 'SN-1001',
        rmmDeviceId: 'rmm-42',
        lastSeenAt: '2026-12-01T09:00:00.000Z',
        version: 1,
      });
      expect(await row(asset.id)).toMatchObject({
        tenant_id: world.acme.tenantId,
        organization_id: world.acme.organizationId,
        customer_id: customer.id,
        contact_id: contact.id,
        name: 'Reception PC',
        kind: 'WORKSTATION',
        serial_number: 'SN-1001',
        rmm_device_id: 'rmm-42',
        last_seen_at: new Date('2026-12-01T09:00:00Z'),
        deleted_at: null,
      });
      expect(await outboxEventTypes(t.db, asset.id)).toEqual(['asset.created']);
    });

    it('defaults the kind to OTHER and leaves the optional fields empty', async () => {
      const customer = await records.createCustomer(world.acme.admin);
      const asset = await createAsset({ customerId: customer.id });
      expect(asset).toMatchObject({
        kind: 'OTHER',
        contactId: null,
        contact: null,
        serialNumber: null,
        rmmDeviceId: null,
        lastSeenAt: null,
      });
    });

    it('answers 400 with the field for a bad body, and writes nothing', async () => {
      const admin = as(world.acme.admin);
      const customer = await records.createCustomer(world.acme.admin);
      const name = `Refused ${unique()}`;
      expectProblem(await admin.post('/api/assets', { name }), 400, 'VALIDATION_FAILED', ['customerId']);
      expectProblem(await admin.post('/api/assets', { customerId: customer.id }), 400, 'VALIDATION_FAILED', ['name']);
      expectProblem(
        await admin.post('/api/assets', { name, customerId: customer.id, kind: 'TOASTER' }),
        400,
        'VALIDATION_FAILED',
        ['kind'],
      );
      expectProblem(
        await admin.post('/api/assets', { name, customerId: customer.id, lastSeenAt: 'yesterday' }),
        400,
        'VALIDATION_FAILED',
        ['lastSeenAt'],
      );
      expectProblem(
        await admin.post('/api/assets', { name, customerId: 'not-a-uuid', serialNumber: '   ' }),
        400,
        'VALIDATION_FAILED',
        ['customerId', 'serialNumber'],
      );
      expectProblem(
        await admin.post('/api/assets', { name, customerId: customer.id, tenantId: world.acme.tenantId }),
        400,
        'VALIDATION_FAILED',
      );
      expect(await t.db.query(`SELECT 1 FROM asset WHERE name = $1`, [name])).toEqual([]);
    });

    it("answers 404 naming the field for another organization's or tenant's customer or contact", async () => {
      const admin = as(world.acme.admin);
      const customer = await records.createCustomer(world.acme.admin);
      const foreignCustomer = await records.createCustomer(world.globex.admin);
      const branchCustomer = await records.createCustomer(world.acme.admin, {}, world.branchId);
      const foreignContact = await records.createContact(world.globex.admin);
      const branchContact = await records.createContact(world.acme.admin, {}, world.branchId);
      const name = `Foreign ${unique()}`;
      for (const customerId of [foreignCustomer.id, branchCustomer.id]) {
        expectProblem(await admin.post('/api/assets', { name, customerId }), 404, 'CUSTOMER_NOT_FOUND', ['customerId']);
      }
      for (const contactId of [foreignContact.id, branchContact.id]) {
        expectProblem(
          await admin.post('/api/assets', { name, customerId: customer.id, contactId }),
          404,
          'CONTACT_NOT_FOUND',
          ['contactId'],
        );
      }
      expect(await t.db.query(`SELECT 1 FROM asset WHERE name = $1`, [name])).toEqual([]);
    });

    it('answers 409 ASSET_SERIAL_TAKEN for a serial number the customer already uses (any case), not another customer', async () => {
      const customer = await records.createCustomer(world.acme.admin);
      const other = await records.createCustomer(world.acme.admin);
      const serialNumber = `SN-${unique()}`;
      const first = await createAsset({ customerId: customer.id, serialNumber });
      const taken = await as(world.acme.admin).post('/api/assets', {
        name: 'Twin',
        customerId: customer.id,
        serialNumber: serialNumber.toLowerCase(),
      });
      expectProblem(taken, 409, 'ASSET_SERIAL_TAKEN');
      expect(taken.body).toMatchObject({ existingId: first.id });
      const elsewhere = await createAsset({ customerId: other.id, serialNumber });
      expect(elsewhere.serialNumber).toBe(serialNumber);
      const rows: unknown[] = await t.db.query(`SELECT 1 FROM asset WHERE lower(serial_number) = lower($1)`, [
        serialNumber,
      ]);
      expect(rows).toHaveLength(2);
    });

    it('needs ORG_CUSTOMER_EDIT: VIEWER, AGENT and GUEST answer 403', async () => {
      const customer = await records.createCustomer(world.acme.admin);
      const name = `Forbidden ${unique()}`;
      for (const session of [world.viewer, world.agent, world.guest]) {
        expectProblem(await as(session).post('/api/assets', { name, customerId: customer.id }), 403, 'FORBIDDEN');
      }
      expect(await t.db.query(`SELECT 1 FROM asset WHERE name = $1`, [name])).toEqual([]);
      const byManager = await createAsset({ customerId: customer.id }, world.manager);
      expect(byManager.customerId).toBe(customer.id);
    });
  });

  describe('GET /api/assets/:id', () => {
    it('reads an asset; another tenant or a non-member organization answers 404; a bad id 400', async () => {
      const customer = await records.createCustomer(world.acme.admin);
      const asset = await createAsset({ customerId: customer.id });
      const read = await as(world.viewer).get(`/api/assets/${asset.id}`);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(asset);
      expectProblem(await as(world.globex.admin).get(`/api/assets/${asset.id}`), 404, 'ASSET_NOT_FOUND');
      const branchCustomer = await records.createCustomer(world.acme.admin, {}, world.branchId);
      const branchAsset = await as(world.acme.admin, world.branchId).post('/api/assets', {
        name: 'Branch server',
        customerId: branchCustomer.id,
      });
      expect(branchAsset.status).toBe(201);
      expectProblem(
        await as(world.viewer).get(`/api/assets/${(branchAsset.body as AssetRecord).id}`),
        404,
        'ASSET_NOT_FOUND',
      );
      expectProblem(await as(world.viewer).get('/api/assets/not-a-uuid'), 400, 'VALIDATION_FAILED');
      expectProblem(await as(world.guest).get(`/api/assets/${asset.id}`), 403, 'FORBIDDEN');
    });
  });

  describe('GET /api/assets', () => {
    it('filters by customer, contact, kind and q (name or serial), pages and sorts', async () => {
      const customer = await records.createCustomer(world.acme.admin);
      const contact = await records.createContact(world.acme.admin);
      const tag = unique();
      const server = await createAsset({ name: `Alpha server ${tag}`, kind: 'SERVER', customerId: customer.id });
      const laptop = await createAsset({
        name: `Beta laptop ${tag}`,
        kind: 'WORKSTATION',
        customerId: customer.id,
        contactId: contact.id,
        serialNumber: `ZX-${tag}`,
      });
      const viewer = as(world.viewer);
      const byCustomer = await viewer.get(`/api/assets?customerId=${customer.id}&sort=name`);
      expect(byCustomer.status).toBe(200);
      expect(byCustomer.body).toMatchObject({ total: 2 });
      expect((byCustomer.body as { items: AssetRecord[] }).items.map((item) => item.id)).toEqual([
        server.id,
        laptop.id,
      ]);
      const byContact = await viewer.get(`/api/assets?contactId=${contact.id}`);
      expect((byContact.body as { items: AssetRecord[] }).items.map((item) => item.id)).toEqual([laptop.id]);
      const byKind = await viewer.get(`/api/assets?customerId=${customer.id}&kind=SERVER`);
      expect((byKind.body as { items: AssetRecord[] }).items.map((item) => item.id)).toEqual([server.id]);
      const bySerial = await viewer.get(`/api/assets?q=zx-${tag}`);
      expect((bySerial.body as { items: AssetRecord[] }).items.map((item) => item.id)).toEqual([laptop.id]);
      const byName = await viewer.get(`/api/assets?q=${encodeURIComponent(`alpha server ${tag}`)}`);
      expect((byName.body as { items: AssetRecord[] }).items.map((item) => item.id)).toEqual([server.id]);
      const paged = await viewer.get(`/api/assets?customerId=${customer.id}&sort=-name&limit=1`);
      expect(paged.body).toMatchObject({ total: 2, items: [{ id: laptop.id }] });
      expect((await as(world.globex.admin).get(`/api/assets?customerId=${customer.id}`)).body).toMatchObject({
        total: 0,
        items: [],
      });
    });

    it('answers 400 for a bad filter or sort and 403 without a view grant', async () => {
      expectProblem(await as(world.viewer).get('/api/assets?kind=TOASTER'), 400, 'VALIDATION_FAILED', ['kind']);
      expectProblem(await as(world.viewer).get('/api/assets?customerId=x'), 400, 'VALIDATION_FAILED', ['customerId']);
      expectProblem(await as(world.viewer).get('/api/assets?sort=serialNumber'), 400, 'VALIDATION_FAILED', ['sort']);
      expectProblem(await as(world.guest).get('/api/assets'), 403, 'FORBIDDEN');
    });
  });

  describe('PATCH /api/assets/:id', () => {
    it('changes the fields sent, clears with null, and publishes asset.updated', async () => {
      const customer = await records.createCustomer(world.acme.admin);
      const other = await records.createCustomer(world.acme.admin);
      const contact = await records.createContact(world.acme.admin);
      const asset = await createAsset({
        customerId: customer.id,
        contactId: contact.id,
        serialNumber: `SN-${unique()}`,
        lastSeenAt: '2026-11-30T08:00:00Z',
      });
      const response = await as(world.manager).patch(`/api/assets/${asset.id}`, {
        name: 'Renamed',
        kind: 'NETWORK',
        customerId: other.id,
        contactId: null,
        serialNumber: null,
        lastSeenAt: null,
        rmmDeviceId: 'rmm-7',
      });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body).toMatchObject({
        name: 'Renamed',
        kind: 'NETWORK',
        customerId: other.id,
        contactId: null,
        contact: null,
        serialNumber: null,
        lastSeenAt: null,
        rmmDeviceId: 'rmm-7',
        version: 2,
      });
      expect(await row(asset.id)).toMatchObject({
        customer_id: other.id,
        contact_id: null,
        serial_number: null,
        last_seen_at: null,
        rmm_device_id: 'rmm-7',
        kind: 'NETWORK',
      });
      expect(await outboxEventTypes(t.db, asset.id)).toEqual(['asset.created', 'asset.updated']);
    });

    it('answers 400 for a bad body or a null name, kind or customer, 404 across boundaries, 409 on a taken serial, 403 without the grant', async () => {
      const customer = await records.createCustomer(world.acme.admin);
      const serialNumber = `SN-${unique()}`;
      await createAsset({ customerId: customer.id, serialNumber });
      const asset = await createAsset({ customerId: customer.id });
      const admin = as(world.acme.admin);
      expectProblem(await admin.patch(`/api/assets/${asset.id}`, { name: null }), 400, 'VALIDATION_FAILED', ['name']);
      expectProblem(await admin.patch(`/api/assets/${asset.id}`, { kind: null }), 400, 'VALIDATION_FAILED', ['kind']);
      expectProblem(await admin.patch(`/api/assets/${asset.id}`, { customerId: null }), 400, 'VALIDATION_FAILED', [
        'customerId',
      ]);
      expectProblem(await admin.patch(`/api/assets/${asset.id}`, { id: asset.id }), 400, 'VALIDATION_FAILED');
      const foreignContact = await records.createContact(world.globex.admin);
      expectProblem(
        await admin.patch(`/api/assets/${asset.id}`, { contactId: foreignContact.id }),
        404,
        'CONTACT_NOT_FOUND',
        ['contactId'],
      );
      expectProblem(
        await admin.patch(`/api/assets/${asset.id}`, { serialNumber: serialNumber.toUpperCase() }),
        409,
        'ASSET_SERIAL_TAKEN',
      );
      expectProblem(
        await as(world.globex.admin).patch(`/api/assets/${asset.id}`, { name: 'x' }),
        404,
        'ASSET_NOT_FOUND',
      );
      expectProblem(await as(world.agent).patch(`/api/assets/${asset.id}`, { name: 'x' }), 403, 'FORBIDDEN');
      expect(await row(asset.id)).toMatchObject({ name: asset.name, serial_number: null, version: 1 });
      expect(await outboxEventTypes(t.db, asset.id)).toEqual(['asset.created']);
    });
  });

  describe('DELETE /api/assets/:id', () => {
    it('soft-deletes an asset, frees its serial, publishes asset.deleted; 403 and 404 leave it', async () => {
      const customer = await records.createCustomer(world.acme.admin);
      const serialNumber = `SN-${unique()}`;
      const asset = await createAsset({ customerId: customer.id, serialNumber });
      expectProblem(await as(world.viewer).delete(`/api/assets/${asset.id}`), 403, 'FORBIDDEN');
      expectProblem(await as(world.globex.admin).delete(`/api/assets/${asset.id}`), 404, 'ASSET_NOT_FOUND');
      expect((await row(asset.id))?.deleted_at).toBeNull();
      expect((await as(world.acme.admin).delete(`/api/assets/${asset.id}`)).status).toBe(204);
      expect((await row(asset.id))?.deleted_at).toBeInstanceOf(Date);
      expectProblem(await as(world.acme.admin).get(`/api/assets/${asset.id}`), 404, 'ASSET_NOT_FOUND');
      expect(await outboxEventTypes(t.db, asset.id)).toEqual(['asset.created', 'asset.deleted']);
      const again = await createAsset({ customerId: customer.id, serialNumber });
      expect(again.serialNumber).toBe(serialNumber);
    });
  });

  describe('when what an asset points at is deleted', () => {
    it("deletes a customer's assets with the customer (asset.deleted each)", async () => {
      const customer = await records.createCustomer(world.acme.admin);
      const asset = await createAsset({ customerId: customer.id });
      expect((await as(world.acme.admin).delete(`/api/crm/customers/${customer.id}`)).status).toBe(204);
      expect((await row(asset.id))?.deleted_at).toBeInstanceOf(Date);
      expect(await outboxEventTypes(t.db, asset.id)).toEqual(['asset.created', 'asset.deleted']);
      expectProblem(await as(world.acme.admin).get(`/api/assets/${asset.id}`), 404, 'ASSET_NOT_FOUND');
    });

    it("stops showing a deleted contact on its assets (the stored link stays, as the contact's links do)", async () => {
      const customer = await records.createCustomer(world.acme.admin);
      const contact = await records.createContact(world.acme.admin);
      const asset = await createAsset({ customerId: customer.id, contactId: contact.id });
      expect((await as(world.acme.admin).delete(`/api/crm/contacts/${contact.id}`)).status).toBe(204);
      const read = await as(world.acme.admin).get(`/api/assets/${asset.id}`);
      expect(read.body).toMatchObject({ contactId: null, contact: null });
      expect(await row(asset.id)).toMatchObject({ contact_id: contact.id, deleted_at: null });
    });
  });
});
