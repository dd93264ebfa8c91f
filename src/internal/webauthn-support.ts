/** WebAuthn needs the API and a secure context (https, or http://localhost). */
export function webAuthnSupported(): boolean {
  return (
    typeof window !== 'undefined' && window.isSecureContext === true && typeof window.PublicKeyCredential === 'function'
  );
}
