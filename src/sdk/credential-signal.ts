/**
 * The passkey the browser handed over in this page's last WebAuthn request (its id and the rp id
 * it was asked for), so that a passkey the API does not know can be signalled to the browser
 * (`PublicKeyCredential.signalUnknownCredential`): the SDK answers `invalid_credential` without
 * saying which passkey it was.
 *
 * `navigator.credentials.get` is wrapped once, when this module (the SDK's) first loads: before
 * any request of ours, so that the autofill controller's own wrapping (made per request, undone
 * after) always sits on top of it, and never removed (so nothing is ever restored out of order).
 * It passes every call through unchanged and keeps nothing but the last id.
 */
let last: { id: string; rpId: string } | undefined;

const container = globalThis.navigator?.credentials as { get?: CredentialsContainer['get'] } | undefined;
const original = container?.get;
if (container && original) {
  container.get = async function (this: unknown, options?: CredentialRequestOptions) {
    const credential = await original.call(container, options);
    if (credential) last = { id: credential.id, rpId: options?.publicKey?.rpId ?? location.hostname };
    return credential;
  };
}

/** Starts a ceremony: forgets the previous one's passkey. */
export function watchCredential(): void {
  last = undefined;
}

/** The API did not know the passkey this ceremony used: tell the browser, which may drop it. */
export function signalUnknownCredential(): void {
  const api = globalThis.PublicKeyCredential as unknown as
    { signalUnknownCredential?(options: { rpId: string; credentialId: string }): Promise<void> } | undefined;
  if (last) api?.signalUnknownCredential?.({ rpId: last.rpId, credentialId: last.id }).catch(() => undefined);
  last = undefined;
}
