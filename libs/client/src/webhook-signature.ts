import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header every webhook delivery carries: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">` (a `v1` per live secret). */
export const SIGNATURE_HEADER = 'Clientele-Signature';
/** Refuse signatures older (or newer) than this: a replayed delivery. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/**
 * Whether `header` (`Clientele-Signature`) signs `rawBody` (the request body exactly as
 * received, before any JSON parsing) with `secret` (the whole `whsec_…` string), within
 * `toleranceSeconds` of now. Constant-time; during a secret rotation either secret matches.
 */
export function verifyWebhookSignature(
  header: string | null | undefined,
  rawBody: string | Uint8Array,
  secret: string,
  options: { toleranceSeconds?: number; now?: number } = {},
): boolean {
  if (header === undefined || header === null) return false;
  const parts = header.split(',').map((part) => {
    const at = part.indexOf('=');
    return at < 0 ? [part.trim(), ''] : [part.slice(0, at).trim(), part.slice(at + 1).trim()];
  });
  const t = parts.find(([key]) => key === 't')?.[1] ?? '';
  if (!/^[0-9]{1,12}$/.test(t)) return false;
  const timestamp = Number(t);
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) return false;
  const body = typeof rawBody === 'string' ? Buffer.from(rawBody) : Buffer.from(rawBody);
  const expected = createHmac('sha256', secret).update(`${t}.`).update(body).digest();
  return parts.some(
    ([key, value]) =>
      key === 'v1' && /^[0-9a-f]{64}$/.test(value) && timingSafeEqual(Buffer.from(value, 'hex'), expected),
  );
}
