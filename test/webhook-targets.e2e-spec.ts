import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebhookDeliveryJob } from '@clientele/core';
import {
  aContact,
  bearer,
  createTestApp,
  sequenceOutbox,
  signupTenant,
  type TenantFixture,
  type TestApp,
  WebhookReceiver,
} from '@clientele/testing';

interface Delivery {
  status: string;
  attempts: number;
  responseStatus: number | null;
  lastError: string | null;
}

/** The app as deployed: WEBHOOK_ALLOW_PRIVATE_TARGETS unset, so private targets are refused. */
describe('webhook targets (SSRF guard)', () => {
  let t: TestApp;
  let tenant: TenantFixture;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    t = await createTestApp();
    tenant = await signupTenant(t.http);
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  it('refuses loopback, private-by-DNS and link-local targets at delivery, and records why', async () => {
    const port = new URL(receiver.url('/')).port;
    const urls = [receiver.url('/loopback'), `http://localhost:${port}/dns`, 'http://169.254.169.254/latest/meta-data'];
    const webhooks: string[] = [];
    for (const url of urls) {
      const response = await t.http
        .post('/api/webhooks')
        .set(bearer(tenant.admin))
        .send({ url, types: ['contact.created'] });
      expect(response.status).toBe(201);
      webhooks.push((response.body as { id: string }).id);
    }
    await t.http.post('/api/crm/contacts').set(bearer(tenant.admin)).send(aContact()).expect(201);
    await sequenceOutbox(t.app);
    const job = t.app.get(WebhookDeliveryJob);
    await t.db.transaction(async (manager) => {
      expect(await job.fanOut(manager)).toBe(3);
      expect(await job.deliverDue(manager)).toBe(3);
    });
    expect(receiver.requests).toHaveLength(0);
    for (const id of webhooks) {
      const response = await t.http.get(`/api/webhooks/${id}/deliveries`).set(bearer(tenant.admin)).expect(200);
      const [delivery] = (response.body as { items: Delivery[] }).items;
      expect(delivery).toMatchObject({ status: 'PENDING', attempts: 1, responseStatus: null });
      expect(delivery?.lastError).toMatch(/Refused to deliver .*private, loopback and link-local/);
    }
  });
});
