import type { AddressInfo } from 'node:net';

/**
 * Where the server really listens (`0.0.0.0:3000`, `127.0.0.1:3000`, `[::]:3000`) and the URL
 * to open from this machine: an all-interfaces bind is reached on localhost.
 */
export function listeningAddress(
  address: AddressInfo | string | null,
  host: string,
): { readonly bound: string; readonly url: string } {
  if (address === null || typeof address === 'string') {
    const where = address ?? host;
    return { bound: where, url: `http://${host}` };
  }
  const ip = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const bound = `${ip}:${address.port}`;
  const anyInterface = address.address === '0.0.0.0' || address.address === '::';
  const local = address.address === '::1' ? 'localhost' : anyInterface ? 'localhost' : ip;
  return { bound: anyInterface ? `${bound} (all interfaces)` : bound, url: `http://${local}:${address.port}` };
}
