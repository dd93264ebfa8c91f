import type { IncomingMessage } from 'node:http';

/** Deepest nesting of objects and arrays a request body may have. */
export const MAX_JSON_DEPTH = 32;

/**
 * Why a request body could not be read; each server turns it into its own JSON error.
 * `aborted`: the client went away, or Node's parser refused the body (a malformed chunked
 * encoding) and has answered 400 itself: nothing is left to answer and nothing went wrong here.
 */
export class JsonBodyError extends Error {
  constructor(readonly reason: 'too-large' | 'invalid-json' | 'too-deep' | 'aborted') {
    super(reason);
    this.name = 'JsonBodyError';
  }
}

/**
 * Depth of the deepest object or array in JSON text, without parsing it. Checked before
 * `JSON.parse` because what a server stores it serializes again, and `JSON.stringify` recurses:
 * a body a few thousand levels deep would overflow the stack there, long after it was accepted.
 */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a UTF-8 JSON request body of at most `maxBytes`, nested at most MAX_JSON_DEPTH deep. An
 * empty body is `{}`: the browser SDK sends body-less POSTs with `Content-Type: application/json`.
 * An over-limit body is read to its end and dropped, never cut off mid-stream: a client still
 * sending would otherwise stall or see a reset instead of the answer. (Node's `requestTimeout`
 * bounds how long a client may take.)
 */
export function readJsonBody(request: IncomingMessage, maxBytes: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (error: JsonBodyError | undefined, text?: string) => {
      request.off('data', onData).off('end', onEnd).off('error', onAborted).off('close', onClose);
      if (error) return reject(error);
      try {
        resolve(parse(text!));
      } catch (parseError) {
        reject(parseError);
      }
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else chunks.length = 0; // read on, keep nothing: the answer waits for the end
    };
    const onEnd = () => {
      if (size > maxBytes) return settle(new JsonBodyError('too-large'));
      try {
        settle(undefined, utf8.decode(Buffer.concat(chunks)));
      } catch {
        settle(new JsonBodyError('invalid-json'));
      }
    };
    const onAborted = () => settle(new JsonBodyError('aborted'));
    const onClose = () => {
      if (!request.complete) onAborted();
    };
    request.on('data', onData).on('end', onEnd).on('error', onAborted).on('close', onClose);
  });
}

function parse(text: string): unknown {
  if (text.trim() === '') return {};
  if (jsonDepth(text) > MAX_JSON_DEPTH) throw new JsonBodyError('too-deep');
  try {
    return JSON.parse(text);
  } catch {
    throw new JsonBodyError('invalid-json');
  }
}

/**
 * Reads and drops what is left of a request body before an answer that did not need it (a GET
 * with a body, a 401 before the body was read): answering while the client still sends would
 * close the connection under it, and the client would see a reset instead.
 */
export function discardBody(request: IncomingMessage): Promise<void> {
  if (request.complete || request.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      request.off('data', ignore).off('end', done).off('error', done).off('close', done);
      resolve();
    };
    const ignore = () => undefined;
    request.on('data', ignore).on('end', done).on('error', done).on('close', done);
  });
}
