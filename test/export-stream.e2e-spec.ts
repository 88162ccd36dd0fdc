import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, signupTenant, type TenantFixture, type TestApp } from '@clientele/testing';

/** Exports larger than one cursor batch (2,000 rows): every row once, and no connection leaked. */
describe('export streaming', () => {
  let t: TestApp;
  let acme: TenantFixture;
  const ROWS = 4_500;

  beforeAll(async () => {
    t = await createTestApp();
    acme = await signupTenant(t.http);
    await t.db.query(
      `INSERT INTO contact (tenant_id, organization_id, name, primary_email, contact_type)
       SELECT $1, $2, 'Export ' || i, 'export' || i || '@example.test', 'LEAD' FROM generate_series(1, $3) AS i`,
      [acme.tenantId, acme.organizationId, ROWS],
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('streams every row exactly once across several batches, as CSV and as NDJSON', async () => {
    const csv = await t.http.get('/api/crm/contacts?format=csv&sort=name').set(bearer(acme.admin)).expect(200);
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(ROWS + 1);
    const ids = new Set(lines.slice(1).map((line) => line.split(',')[0]));
    expect(ids.size).toBe(ROWS);

    const ndjson = await t.http.get('/api/crm/contacts?format=ndjson').set(bearer(acme.admin)).expect(200);
    const records = ndjson.text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { email: string });
    expect(new Set(records.map((record) => record.email)).size).toBe(ROWS);
  });

  it('neutralises formulas hidden behind a line feed, space, zero-width space, BOM or a fullwidth ＝', async () => {
    const tenant = await signupTenant(t.http);
    const disguised = [
      '\n=HYPERLINK("http://evil")',
      ' =1+1',
      '\u200b=1+1',
      '\ufeff@SUM(A1)',
      '＝1+1',
      '\u00a0+1',
      '＋1',
    ];
    await t.db.query(
      `INSERT INTO contact (tenant_id, organization_id, name, contact_type)
       SELECT $1, $2, name, 'LEAD' FROM unnest($3::text[]) AS name`,
      [tenant.tenantId, tenant.organizationId, disguised],
    );
    const csv = await t.http.get('/api/crm/contacts?format=csv').set(bearer(tenant.admin)).expect(200);
    for (const name of disguised) {
      const quoted = `"'${name.replace(/"/g, '""')}"`;
      const cell = /[",\r\n]/.test(name) ? quoted : `'${name}`;
      expect(csv.text, JSON.stringify(name)).toContain(`,${cell},`);
    }
  });

  it('gives the connection back when the client walks away mid-export', async () => {
    const server = t.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    // More abandoned exports than the pool (5) has connections: a leak would hang the list below.
    for (let attempt = 0; attempt < 8; attempt += 1) {
      await new Promise<void>((resolve, reject) => {
        const call = request(
          {
            port,
            path: '/api/crm/contacts?format=csv',
            headers: { authorization: bearer(acme.admin).Authorization },
          },
          (response) => {
            response.once('data', () => {
              call.destroy();
              resolve();
            });
          },
        );
        call.on('error', (error) => {
          if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(error);
        });
        call.end();
      });
    }
    const list = await t.http.get('/api/crm/contacts?limit=1').set(bearer(acme.admin)).timeout(5_000);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: ROWS });
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});
