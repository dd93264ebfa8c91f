import { importCeremonies } from './ceremonies-import.js';
import { PasskeyElementError } from './error-codes.js';
import { webAuthnSupported } from './webauthn-support.js';

type Ceremonies = Awaited<ReturnType<typeof importCeremonies>>;

let loading: Promise<Ceremonies> | undefined;
let failures = 0;

/**
 * The SDK and its glue (src/sdk/passkey-ceremonies.ts), fetched once per page and shared by every
 * element. A failed load rejects with the `network` error and is not kept: the next call tries the
 * download again.
 */
export function loadCeremonies(): Promise<Ceremonies> {
  return (loading ??= importCeremonies(failures).catch(() => {
    loading = undefined;
    failures++;
    throw new PasskeyElementError('network');
  }));
}

/**
 * A ceremony is near (a pointer or focus on an element, a token given, a dialog opened): start the
 * download now, so that the click finds the SDK ready. Never where passkeys cannot work. A failure
 * here stays quiet; the click that needs the file reports it.
 */
export function preloadCeremonies(): void {
  if (webAuthnSupported()) loadCeremonies().catch(() => undefined);
}

/** What tells an element that a person is about to use it. */
const INTENT = ['pointerenter', 'focusin', 'touchstart'];

/** Preloads on the first sign of intent on `host` (each listener removes itself). */
export function preloadOnIntent(host: HTMLElement): void {
  for (const type of INTENT) host.addEventListener(type, preloadCeremonies, { once: true, passive: true });
}
