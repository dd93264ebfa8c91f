/** A page's secure context never changes; read once (a read of it costs each element's render). */
const secure = globalThis.isSecureContext === true;

/** WebAuthn needs the API and a secure context (https, or http://localhost). False in Node. */
export function webAuthnSupported(): boolean {
  return secure && typeof PublicKeyCredential === 'function';
}
