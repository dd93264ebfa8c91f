import { importCeremonies } from './ceremonies-import.js';
import { importTokenSource } from './token-source-import.js';
import { PasskeyElementError } from './error-codes.js';
import { webAuthnSupported } from './webauthn-support.js';

/**
 * A module loaded on demand, once per page and shared by every element. A failed load rejects
 * with the `network` error and is not kept: the next call tries the download again.
 */
export function onDemand<T>(importer: (retry: number) => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  let failures = 0;
  return () =>
    (loading ??= importer(failures).catch(() => {
      loading = undefined;
      failures++;
      throw new PasskeyElementError('network');
    }));
}

/** The SDK and its glue (src/sdk/passkey-ceremonies.ts). */
export const loadCeremonies = /* @__PURE__ */ onDemand(importCeremonies);

/** `token-url`'s token source (src/sdk/token-source.ts): apart from the SDK, which not every page with one needs. */
export const loadTokenSource = /* @__PURE__ */ onDemand(importTokenSource);

/**
 * A ceremony is near (a pointer or focus on an element, a token given, a dialog opened): start the
 * download now, so that the click finds the SDK ready. Never where passkeys cannot work. A failure
 * here stays quiet; the click that needs the file reports it.
 */
export function preloadCeremonies(): void {
  if (webAuthnSupported()) loadCeremonies().catch(() => undefined);
}

/** Each element whose intent preloads something, with what it preloads; made with the listeners. */
let intentHosts: WeakMap<EventTarget, () => unknown> | undefined;

/**
 * Preloads (the SDK, unless told what) on the first sign of intent on `host`. One set of listeners on the window serves every element:
 * listeners on each would cost every frame of a page of many elements (a touch or pointer
 * listener is a region the browser keeps for each element).
 */
export function preloadOnIntent(host: HTMLElement, preload: () => unknown = preloadCeremonies): void {
  if (!intentHosts) {
    intentHosts = new WeakMap();
    // Capture: intent counts even where the page stops an event on its way. Passive already: a
    // window's touch listeners are by default (DOM standard), so scrolling never waits for this
    // one. A server rendering the elements to HTML has no window to listen on.
    // What tells an element that a person is about to use it: each bubbles, and crosses shadow roots.
    for (const type of ['pointerover', 'focusin', 'touchstart']) globalThis.addEventListener?.(type, onIntent, true);
  }
  intentHosts.set(host, preload);
}

/**
 * Once per element, as a `once` listener of its own would: a download that failed is tried again
 * by the click, not by every move of the pointer.
 */
const onIntent = (event: Event) =>
  event.composedPath().forEach((node) => {
    const preload = intentHosts!.get(node);
    intentHosts!.delete(node);
    preload?.();
  });
