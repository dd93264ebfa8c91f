/**
 * The passkey the browser handed over in this page's last WebAuthn request (its id and the rp id
 * it was asked for), so that a passkey the API does not know can be signalled to the browser
 * (`PublicKeyCredential.signalUnknownCredential`): the SDK answers `invalid_credential` without
 * saying which passkey it was.
 *
 * `CredentialsContainer.prototype.get` is wrapped once, when this module (the SDK's) first loads,
 * and never unwrapped (so nothing is ever restored out of order). It passes every call through
 * unchanged and keeps nothing but the last id: an API answers `invalid_credential` only to a
 * verify, which always follows its own request's passkey.
 */
let last: { rpId?: string; credentialId: string } | undefined;

// On the prototype, not the page's object: the autofill controller's own-property wrapping (made
// per request, removed after) then always sits on top, and nothing of ours shows on the object.
const container = CredentialsContainer.prototype;
const get = container.get;
container.get = async function (this: CredentialsContainer, options) {
  const credential = await get.call(this, options);
  // The rp id as asked: the SDK passes on the API's (without one the browser refuses the signal,
  // and nothing worse happens).
  if (credential) last = { rpId: options?.publicKey?.rpId, credentialId: credential.id };
  return credential;
};

/** The API did not know the passkey the last request returned: tell the browser, which may drop it. */
export function signalUnknownCredential(): void {
  (PublicKeyCredential as unknown as { signalUnknownCredential?(options: typeof last): Promise<void> })
    .signalUnknownCredential?.(last)
    .catch(() => undefined);
}
