import { lookup as dnsLookup } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/** Refused before connecting: the URL resolves to an address webhooks may not reach. */
export class WebhookTargetRefusedError extends Error {
  constructor(host: string, address: string) {
    super(`Refused to deliver to ${host} (${address}): private, loopback and link-local targets are not allowed`);
    this.name = 'WebhookTargetRefusedError';
  }
}

/** Loopback, private, link-local, carrier-grade NAT, multicast and unspecified ranges. */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  PRIVATE.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  PRIVATE.addSubnet(network, prefix, 'ipv6');

/** Whether `address` (an IP literal) is one webhooks must not reach; IPv4-mapped IPv6 as its IPv4. */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped !== undefined) return PRIVATE.check(mapped, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * A `lookup` for `http.request` that resolves the host and refuses when any address is
 * `blocked`: the check and the connection use the same resolution, so a DNS answer cannot
 * change between them (rebinding).
 */
export function guardedLookup(blocked: (address: string) => boolean): LookupFunction {
  return (hostname, options, callback): void => {
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : (options.family ?? 0);
    dnsLookup(hostname, { family, all: true }, (error, addresses) => {
      if (error !== null) return callback(error, []);
      const refused = addresses.find((entry) => blocked(entry.address));
      if (refused !== undefined) return callback(new WebhookTargetRefusedError(hostname, refused.address), []);
      if (options.all === true) return callback(null, addresses);
      const first = addresses[0];
      if (first === undefined) return callback(new Error(`No address for ${hostname}`), []);
      callback(null, first.address, first.family);
    });
  };
}
