import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Outcome } from '../internal/error-codes.js';
import { requestToken } from '../internal/request-token.js';

/** Authsignal tokens live 10 minutes; refresh a little before, so a click never meets a dead one. */
const REFRESH_AFTER_MS = 9 * 60_000;

/** What the source reads of its element: the URL, now; and whether the element is on the page. */
export interface TokenHost extends ReactiveControllerHost {
  readonly tokenUrl: string;
  readonly isConnected: boolean;
}

/**
 * The token behind an element's `token-url`, fetched ahead of the click so that the click goes
 * straight into the WebAuthn ceremony (Safari refuses WebAuthn when the user gesture is too far
 * behind), fetched again before it expires, kept in memory only. A controller of the element: it
 * fetches when the element is put on the page (or its URL changes), and drops the token when the
 * element leaves it. A module of its own, loaded only by an element with a `token-url` (a page
 * without one pays nothing for it); it answers plain data (a token, or the error's code), as the
 * SDK's module does, for the same reason.
 */
export class TokenSource implements ReactiveController {
  /** The token, or its fetch under way: one answer, forgotten on failure, expiry and `drop()`. */
  #token?: Promise<Outcome<string>>;
  #refreshTimer?: ReturnType<typeof setTimeout>;
  #abort?: AbortController;
  /** The URL the token came from. */
  #url: string;

  constructor(readonly host: TokenHost) {
    this.#url = host.tokenUrl;
    // Lit calls hostConnected() at once for an element already on the page: the fetch starts now.
    host.addController(this);
  }

  hostConnected(): void {
    if (this.#url) void this.get();
  }

  hostDisconnected(): void {
    this.drop();
  }

  /** A new URL may be another user's: the token goes at once, and the new URL's is fetched. */
  hostUpdate(): void {
    if (this.host.tokenUrl === this.#url) return;
    this.drop();
    this.#url = this.host.tokenUrl;
    if (this.host.isConnected) this.hostConnected();
  }

  /** The current URL's token, fetching one if there is none yet. */
  get(): Promise<Outcome<string>> {
    // The URL is read here too, not only when the element updates: a click in the same task as a
    // new URL must not get the old URL's token, whatever runs first.
    this.hostUpdate();
    return (this.#token ??= this.#fetch());
  }

  /** Forgets the token and stops its fetch (it expired, the element left the page); `refetch`: fetch the next one now. */
  drop(refetch?: boolean): void {
    this.#abort?.abort();
    clearTimeout(this.#refreshTimer);
    this.#token = undefined;
    // A failed prefetch is retried by the click, which reports the error.
    if (refetch) void this.get();
  }

  #fetch(): Promise<Outcome<string>> {
    const abort = (this.#abort = new AbortController());
    const token = requestToken(this.#url, abort.signal).then((answer) => {
      if (this.#token === token) {
        if ('data' in answer) this.#refreshTimer = setTimeout(() => this.drop(true), REFRESH_AFTER_MS);
        else this.#token = undefined;
      }
      return answer;
    });
    return token;
  }
}
