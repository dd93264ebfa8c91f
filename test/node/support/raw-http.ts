import { connect } from 'node:net';

export interface RawResponse {
  /** Everything the server sent, as text. */
  text: string;
  status: number | undefined;
  /** The JSON body, when the response has one. */
  json: Record<string, unknown> | undefined;
  /** The connection ended with an error (a reset) instead of a clean close. */
  reset: boolean;
}

/**
 * Sends bytes exactly as given (a request that `fetch` refuses to build: a malformed target, a
 * broken chunked body) and reads until the server closes. `Connection: close` is the caller's.
 */
export function rawRequest(port: number, request: string | Buffer, timeoutMs = 5000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let reset = false;
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => (reset = true));
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('utf8');
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1];
      const body = text.slice(text.indexOf('\r\n\r\n') + 4);
      let json: Record<string, unknown> | undefined;
      try {
        json = JSON.parse(body) as Record<string, unknown>;
      } catch {
        json = undefined;
      }
      resolve({ text, status: status ? Number(status) : undefined, json, reset });
    });
    socket.write(request);
  });
}
