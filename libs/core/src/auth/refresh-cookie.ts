import type { FastifyReply, FastifyRequest } from 'fastify';

export const REFRESH_COOKIE = 'refreshToken';
const COOKIE_PATH = '/api/auth';

/** HttpOnly, SameSite=Strict, limited to the auth routes; Secure when configured. */
export function setRefreshCookie(reply: FastifyReply, token: string, maxAgeSeconds: number, secure: boolean): void {
  const attributes = [
    `${REFRESH_COOKIE}=${token}`,
    `Path=${COOKIE_PATH}`,
    `Max-Age=${maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
  ];
  void reply.header('Set-Cookie', attributes.join('; '));
}

export function clearRefreshCookie(reply: FastifyReply, secure: boolean): void {
  setRefreshCookie(reply, '', 0, secure);
}

export function readRefreshCookie(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === REFRESH_COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}
