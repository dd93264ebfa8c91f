import { Authsignal } from '@authsignal/browser';

/**
 * One SDK instance per element and configuration, created on first use (never at definition or
 * render time, so that a page without a ceremony makes no request and sets no cookie).
 * Tokens are always passed explicitly: the SDK's token cache is shared by the whole page.
 */
export class AuthsignalClient {
  #instance?: Authsignal;
  #key?: string;

  get(tenantId: string, baseUrl: string | undefined): Authsignal {
    const key = `${tenantId}\n${baseUrl ?? ''}`;
    if (!this.#instance || this.#key !== key) {
      this.#instance = new Authsignal({ tenantId, ...(baseUrl ? { baseUrl } : {}) });
      this.#key = key;
    }
    return this.#instance;
  }
}
