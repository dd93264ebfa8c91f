import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { discardBody } from './json-body.js';

/** Listens on `port` (0: any free one) and resolves with the port taken. */
export async function listen(server: Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

/** Closes at once, keep-alive connections included, so that tests and Ctrl+C do not wait. */
export function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.closeAllConnections();
    server.close((error) => (error ? reject(error) : resolve()));
  });
}

/**
 * The request target as a URL; undefined when it is not one (`GET //[`, `GET http://%zz/`): Node's
 * parser lets such targets through, and the caller answers 400.
 */
export function requestUrl(request: IncomingMessage): URL | undefined {
  try {
    return new URL(request.url ?? '/', 'http://server.invalid');
  } catch {
    return undefined;
  }
}

/**
 * Sends a complete answer once the request body has been read (or dropped): the client reads it
 * whole, never a reset. (A request that is still incomplete then, its client gone, closes.)
 */
export async function send(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  body: string | Buffer,
  headers: Record<string, string | string[] | number>,
): Promise<void> {
  await discardBody(request);
  if (response.destroyed) return;
  response.writeHead(status, {
    'Content-Length': Buffer.byteLength(body),
    'X-Content-Type-Options': 'nosniff',
    ...(request.complete ? {} : { Connection: 'close' }),
    ...headers,
  });
  response.end(body);
}

/** `send` for JSON, uncached. */
export function sendJson(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string | string[]> = {},
): Promise<void> {
  return send(request, response, status, JSON.stringify(body ?? {}), {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers,
  });
}
