/** WebAuthn needs the API and a secure context (https, or http://localhost). False in Node. */
export function webAuthnSupported(): boolean {
  return globalThis.isSecureContext === true && typeof PublicKeyCredential === 'function';
}
