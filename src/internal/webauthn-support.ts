/**
 * A page's secure context never changes: a browser's is read once, not by each element's render.
 * A server has none when this loads; server rendering declares one around each render (ssr/).
 */
const secure: boolean | undefined = globalThis.isSecureContext;

/** WebAuthn needs the API and a secure context (https, or http://localhost). False in Node. */
export function webAuthnSupported(): boolean {
  return (secure ?? globalThis.isSecureContext) === true && typeof PublicKeyCredential === 'function';
}
