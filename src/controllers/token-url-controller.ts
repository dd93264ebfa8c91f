import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { PasskeyElementError } from '../internal/error-codes.js';

/** Authsignal tokens live 10 minutes; refresh a little before, so a click never meets a dead one. */
const REFRESH_AFTER_MS = 9 * 60_000;

/**
 * Fetches the token from the host's own endpoint (`token-url`) ahead of the click, so that the
 * click goes straight into the WebAuthn ceremony (Safari refuses WebAuthn when the user gesture
 * is too far behind). Refreshes before expiry and on demand; keeps the token in memory only.
 */
export class TokenUrlController implements ReactiveController {
  /** The token, or its fetch under way: one promise, dropped on failure, expiry, a new URL and disconnection. */
  #token?: Promise<string>;
  #refreshTimer?: ReturnType<typeof setTimeout>;
  #abort?: AbortController;
  #url?: string;
  #connected = false;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Sets the endpoint; a new URL drops the old token and prefetches while connected. */
  setUrl(url: string | undefined): void {
    if (url === this.#url) return;
    this.#url = url;
    this.invalidate();
  }

  hostConnected(): void {
    this.#connected = true;
    if (!this.#token) this.invalidate();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#clear();
  }

  /** The current token, fetching one if there is none yet. */
  get(): Promise<string> {
    return this.#token ?? this.#fetch();
  }

  /** Forgets the current token (it expired) and, while connected, fetches a new one in the background. */
  invalidate(): void {
    this.#clear();
    // A failed prefetch is retried by the click, which reports the error.
    if (this.#connected && this.#url) this.#fetch().catch(() => undefined);
  }

  #fetch(): Promise<string> {
    const abort = (this.#abort = new AbortController());
    const token = (this.#token = fetchToken(this.#url, abort.signal));
    token.then(
      () => {
        if (this.#token === token) this.#refreshTimer = setTimeout(() => this.invalidate(), REFRESH_AFTER_MS);
      },
      () => {
        if (this.#token === token) this.#token = undefined;
      },
    );
    return token;
  }

  #clear(): void {
    this.#abort?.abort();
    clearTimeout(this.#refreshTimer);
    this.#token = undefined;
  }
}

/**
 * One token from the host's own endpoint (none: `configuration`): a same-origin `POST` of `{}`
 * answering `{ token }`. The credentials are fetch's default, same-origin: the session cookie of
 * the host's own backend.
 */
export async function fetchToken(url: string | undefined, signal?: AbortSignal): Promise<string> {
  if (!url) throw new PasskeyElementError('configuration');
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
      signal,
    });
  } catch {
    throw new PasskeyElementError('network');
  }
  if (!response.ok) throw new PasskeyElementError(response.status === 429 ? 'rate-limited' : 'server');
  const body = (await response.json().catch(() => undefined)) as { token?: unknown } | undefined;
  if (typeof body?.token !== 'string' || body.token === '') throw new PasskeyElementError('server');
  return body.token;
}
