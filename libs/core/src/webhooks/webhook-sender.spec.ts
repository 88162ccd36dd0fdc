import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendWebhook } from './webhook-sender';
import { isPrivateAddress, WebhookTargetRefusedError } from './webhook-target-guard';

describe('isPrivateAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.20.0.1', true],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['::1', true],
    ['::', true],
    ['fe80::1', true],
    ['fd00::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:10.0.0.1', true],
    ['8.8.8.8', false],
    ['93.184.216.34', false],
    ['2606:4700:4700::1111', false],
    ['::ffff:8.8.8.8', false],
  ])('%s → %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });
});

describe('sendWebhook target guard', () => {
  let server: Server;
  let port: number;
  const hits: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      hits.push(`${request.headers.host ?? ''}${request.url ?? ''}`);
      if (request.url === '/redirect') {
        response.writeHead(307, { location: `http://127.0.0.2:${port}/inside` }).end();
        return;
      }
      response.writeHead(200).end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const guarded = { timeoutMs: 2_000, allowPrivateTargets: false };

  it('refuses a loopback IP literal without connecting', async () => {
    const before = hits.length;
    await expect(sendWebhook(`http://127.0.0.1:${port}/`, '{}', {}, guarded)).rejects.toBeInstanceOf(
      WebhookTargetRefusedError,
    );
    await expect(sendWebhook(`http://[::1]:${port}/`, '{}', {}, guarded)).rejects.toBeInstanceOf(
      WebhookTargetRefusedError,
    );
    expect(hits.length).toBe(before);
  });

  it('refuses a host name that resolves to a private address', async () => {
    const before = hits.length;
    await expect(sendWebhook(`http://localhost:${port}/`, '{}', {}, guarded)).rejects.toBeInstanceOf(
      WebhookTargetRefusedError,
    );
    expect(hits.length).toBe(before);
  });

  it('refuses a redirect to a private address, checked on the hop', async () => {
    // 127.0.0.1 stands in for a public receiver; only 127.0.0.2 counts as private here.
    const options = { ...guarded, isBlocked: (address: string) => address === '127.0.0.2' };
    await expect(sendWebhook(`http://127.0.0.1:${port}/redirect`, '{}', {}, options)).rejects.toBeInstanceOf(
      WebhookTargetRefusedError,
    );
    expect(hits.some((hit) => hit.endsWith('/inside'))).toBe(false);
  });

  it('delivers to private targets only when allowed', async () => {
    const response = await sendWebhook(
      `http://localhost:${port}/`,
      '{}',
      {},
      { ...guarded, allowPrivateTargets: true },
    );
    expect(response).toMatchObject({ status: 200, body: 'ok' });
  });
});
