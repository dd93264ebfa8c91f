import type { Outcome } from './error-codes.js';

/**
 * One token from the host's own endpoint: a same-origin `POST` of `{}` answering `{ token }`. The
 * credentials are fetch's default, same-origin: the session cookie of the host's own backend.
 * Answers with data, never throws: token-url's module (src/sdk/token-source.ts) uses it too, and
 * shares no class with the elements.
 */
export async function requestToken(url: string, signal?: AbortSignal): Promise<Outcome<string>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
      signal,
    });
  } catch {
    return { code: 'network' };
  }
  if (!response.ok) return { code: response.status === 429 ? 'rate-limited' : 'server' };
  const token = ((await response.json().catch(() => undefined)) as { token?: unknown } | undefined)?.token;
  return token && typeof token == 'string' ? { data: token } : { code: 'server' };
}
