import { describe, expect, it } from 'vitest';
import { newWebhookSecret, signatureHeader } from '@clientele/core/webhooks/webhook-signature';
import { verifyWebhookSignature } from './webhook-signature';

/** The client's verifier against the server's signer: one format, two implementations kept in step here. */
describe('verifyWebhookSignature (@clientele/client)', () => {
  const secret = newWebhookSecret();
  const body = JSON.stringify({ id: 'e1', type: 'contact.updated', data: { firstName: 'Zoë' } });
  const now = 1_764_000_000;

  it('accepts what the server signs, as a string or as the raw bytes', () => {
    const header = signatureHeader([secret], now, body);
    expect(verifyWebhookSignature(header, body, secret, { now })).toBe(true);
    expect(verifyWebhookSignature(header, new TextEncoder().encode(body), secret, { now: now + 299 })).toBe(true);
  });

  it('refuses a tampered body, another secret, a stale or future timestamp, and no header', () => {
    const header = signatureHeader([secret], now, body);
    expect(verifyWebhookSignature(header, body.replace('Zoë', 'Zoe'), secret, { now })).toBe(false);
    expect(verifyWebhookSignature(header, body, newWebhookSecret(), { now })).toBe(false);
    expect(verifyWebhookSignature(header, body, secret, { now: now + 301 })).toBe(false);
    expect(verifyWebhookSignature(header, body, secret, { now: now - 301 })).toBe(false);
    expect(verifyWebhookSignature(header.replace(/t=\d+/, `t=${now + 1}`), body, secret, { now })).toBe(false);
    expect(verifyWebhookSignature(undefined, body, secret, { now })).toBe(false);
    expect(verifyWebhookSignature('v1=zz', body, secret, { now })).toBe(false);
  });

  it('accepts either secret during a rotation overlap', () => {
    const next = newWebhookSecret();
    const header = signatureHeader([next, secret], now, body);
    expect(verifyWebhookSignature(header, body, secret, { now })).toBe(true);
    expect(verifyWebhookSignature(header, body, next, { now })).toBe(true);
  });
});
