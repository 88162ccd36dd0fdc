import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { PROBLEM_CONTENT_TYPE, problemType } from '../errors/problem';

/** What Node's HTTP parser refuses before Fastify sees a request, as the status it answers. */
function refusal(code: string | undefined): { status: number; code: string; detail: string } {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return {
        status: 431,
        code: 'HEADERS_TOO_LARGE',
        detail: 'The request headers are larger than the server accepts.',
      };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, code: 'REQUEST_TIMEOUT', detail: 'The request took too long to arrive.' };
    default:
      return { status: 400, code: 'BAD_REQUEST', detail: 'The request is not valid HTTP.' };
  }
}

/**
 * Fastify's `clientErrorHandler`: a request Node's parser refuses (headers too large, malformed
 * HTTP, too slow) is answered as problem+json, with `headers` (the security headers), and the
 * connection closed. Fastify's default answered plain JSON.
 */
export function clientErrorHandler(
  headers: ReadonlyArray<readonly [string, string]>,
): (error: Error & { code?: string }, socket: Socket) => void {
  return (error, socket) => {
    if (error.code === 'ECONNRESET' || socket.destroyed || !socket.writable) {
      socket.destroy();
      return;
    }
    const { status, code, detail } = refusal(error.code);
    const title = STATUS_CODES[status] ?? 'Bad Request';
    const body = JSON.stringify({ type: problemType(code), title, status, detail, code });
    const head = [
      `HTTP/1.1 ${status} ${title}`,
      `Content-Type: ${PROBLEM_CONTENT_TYPE}`,
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Cache-Control: no-store',
      'Connection: close',
      ...headers.map(([name, value]) => `${name}: ${value}`),
    ];
    socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
  };
}
