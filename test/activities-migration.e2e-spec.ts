import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '@clientele/core';
import { bearer, createCrmWorld, createTestApp, crmRecords, type CrmWorld, type TestApp } from '@clientele/testing';

describe('migration 1764000015000 (activities and notes)', () => {
  let t: TestApp;
  let world: CrmWorld;

  beforeAll(async () => {
    t = await createTestApp();
    world = await createCrmWorld(t.http);
  });
  afterAll(async () => {
    await t.close();
  });

  async function activityOf(organizationId: string, token: CrmWorld['acme']['admin']): Promise<string> {
    const response = await t.http
      .post('/api/activities')
      .set(bearer(token))
      .set('X-Organization-Id', organizationId)
      .send({ type: 'TASK', subject: 'Keys' });
    expect(response.status).toBe(201);
    return response.body.id as string;
  }

  it('refuses, whatever the application does, a link or a subject across organizations, and two subjects on a note', async () => {
    const { acme, branchId } = world;
    const records = crmRecords(t.http, world);
    const activityId = await activityOf(acme.organizationId, acme.admin);
    const branchContact = await records.createContact(acme.admin, {}, branchId);
    const ownContact = await records.createContact(acme.admin);
    await expect(
      t.db.query(
        `INSERT INTO activity_contact (tenant_id, organization_id, activity_id, contact_id) VALUES ($1, $2, $3, $4)`,
        [acme.tenantId, acme.organizationId, activityId, branchContact.id],
      ),
    ).rejects.toThrow(/activity_contact_contact_fkey/);
    await expect(
      t.db.query(`INSERT INTO note (tenant_id, organization_id, body, contact_id) VALUES ($1, $2, 'x', $3)`, [
        acme.tenantId,
        acme.organizationId,
        branchContact.id,
      ]),
    ).rejects.toThrow(/note_contact_fkey/);
    const customer = await records.createCustomer(acme.admin);
    await expect(
      t.db.query(
        `INSERT INTO note (tenant_id, organization_id, body, contact_id, customer_id) VALUES ($1, $2, 'x', $3, $4)`,
        [acme.tenantId, acme.organizationId, ownContact.id, customer.id],
      ),
    ).rejects.toThrow(/note_one_subject_check/);
    await expect(
      t.db.query(`INSERT INTO note (tenant_id, organization_id, body) VALUES ($1, $2, 'x')`, [
        acme.tenantId,
        acme.organizationId,
      ]),
    ).rejects.toThrow(/note_one_subject_check/);
  });

  it('comes down cleanly and goes up again', async () => {
    const Migration = MIGRATIONS.find((migration) => migration.name === 'ActivitiesAndNotes1764000015000');
    if (Migration === undefined) throw new Error('migration not listed');
    const runner = t.db.createQueryRunner();
    const tables = async (): Promise<number> => {
      const [row] = await runner.query(
        `SELECT count(*)::int AS n FROM pg_tables WHERE tablename IN ('activity', 'activity_contact', 'note')`,
      );
      return (row as { n: number }).n;
    };
    try {
      await new Migration().down(runner);
      expect(await tables()).toBe(0);
      await new Migration().up(runner);
      expect(await tables()).toBe(3);
    } finally {
      await runner.release();
    }
  });
});
