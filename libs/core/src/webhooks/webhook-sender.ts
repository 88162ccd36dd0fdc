import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { guardedLookup, isPrivateAddress, WebhookTargetRefusedError } from './webhook-target-guard';

/** What a receiver answered. */
export interface WebhookResponse {
  readonly status: number;
  /** The first `RESPONSE_BODY_LIMIT` bytes, as text. */
  readonly body: string;
}

export interface WebhookSendOptions {
  readonly timeoutMs: number;
  /** Private, loopback and link-local addresses are refused unless this is true (tests, local setups). */
  readonly allowPrivateTargets: boolean;
  /** Which addresses count as private; `isPrivateAddress` unless a test narrows it. */
  readonly isBlocked?: (address: string) => boolean;
}

export const RESPONSE_BODY_LIMIT = 1_024;
const MAX_REDIRECTS = 3;

/**
 * POSTs a webhook body to its URL. The target is checked after DNS resolution, on every
 * redirect hop too (a public URL redirecting to 169.254.169.254 is refused); the whole
 * exchange, redirects included, has one timeout. Never throws for an HTTP status: 2xx or not
 * is the caller's to judge.
 */
export async function sendWebhook(
  url: string,
  body: string,
  headers: Readonly<Record<string, string>>,
  options: WebhookSendOptions,
): Promise<WebhookResponse> {
  const blocked = options.allowPrivateTargets ? () => false : (options.isBlocked ?? isPrivateAddress);
  const signal = AbortSignal.timeout(options.timeoutMs);
  let target = new URL(url);
  for (let hop = 0; ; hop += 1) {
    const answer = await post(target, body, headers, blocked, signal);
    const location = answer.headers.location;
    if (answer.status < 300 || answer.status >= 400 || location === undefined) return answer;
    if (hop === MAX_REDIRECTS) throw new Error(`More than ${MAX_REDIRECTS} redirects`);
    target = new URL(location, target);
    if (target.protocol !== 'http:' && target.protocol !== 'https:') {
      throw new Error(`Redirect to a ${target.protocol} URL refused`);
    }
  }
}

function post(
  url: URL,
  body: string,
  headers: Readonly<Record<string, string>>,
  blocked: (address: string) => boolean,
  signal: AbortSignal,
): Promise<WebhookResponse & { headers: IncomingHttpHeaders }> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // An IP literal is connected to without a lookup: check it here.
  if (isIP(host) !== 0 && blocked(host)) return Promise.reject(new WebhookTargetRefusedError(host, host));
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        lookup: guardedLookup(blocked),
        signal,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          if (size < RESPONSE_BODY_LIMIT) chunks.push(chunk);
          size += chunk.length;
        });
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).subarray(0, RESPONSE_BODY_LIMIT).toString('utf8'),
            headers: response.headers,
          }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
