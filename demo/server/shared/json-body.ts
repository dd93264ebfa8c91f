import type { IncomingMessage } from 'node:http';

/** Why a request body could not be read; each server turns it into its own JSON error. */
export class JsonBodyError extends Error {
  constructor(readonly reason: 'too-large' | 'invalid-json') {
    super(reason);
    this.name = 'JsonBodyError';
  }
}

/**
 * Reads a JSON request body of at most `maxBytes`. An empty body is `{}`: the browser SDK sends
 * body-less POSTs with `Content-Type: application/json`.
 */
export async function readJsonBody(request: IncomingMessage, maxBytes: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new JsonBodyError('too-large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new JsonBodyError('invalid-json');
  }
}
