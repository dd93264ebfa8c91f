import type { Outcome } from '../internal/error-codes.js';
import { requestToken } from '../internal/request-token.js';

/** Authsignal tokens live 10 minutes; refresh a little before, so a click never meets a dead one. */
const REFRESH_AFTER_MS = 9 * 60_000;

/**
 * The token behind an element's `token-url`, fetched ahead of the click so that the click goes
 * straight into the WebAuthn ceremony (Safari refuses WebAuthn when the user gesture is too far
 * behind), fetched again before it expires, kept in memory only. A module of its own, loaded
 * only by an element with a `token-url` (a page without one pays nothing for it); it answers
 * plain data (a token, or the error's code), as the SDK's module does, for the same reason.
 */
export class TokenSource {
  /** The token, or its fetch under way: one answer, forgotten on failure, expiry and `drop()`. */
  #token?: Promise<Outcome<string>>;
  #refreshTimer?: ReturnType<typeof setTimeout>;
  #abort?: AbortController;

  constructor(readonly url: string) {}

  /** The current token, fetching one if there is none yet. */
  get(): Promise<Outcome<string>> {
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
    const token = requestToken(this.url, abort.signal).then((answer) => {
      if (this.#token === token) {
        if ('data' in answer) this.#refreshTimer = setTimeout(() => this.drop(true), REFRESH_AFTER_MS);
        else this.#token = undefined;
      }
      return answer;
    });
    return token;
  }
}
