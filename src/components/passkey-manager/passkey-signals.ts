/*
 * The WebAuthn Signal API, so that the browser's and the password manager's lists follow the
 * server's: feature-detected, and silent where absent or refused (a hint, never a failure).
 * `userId` is the passkeys' user handle, base64url: Authsignal's (and the emulator's)
 * registration options make it the user id's UTF-8 bytes.
 */

interface SignalApi {
  signalAllAcceptedCredentials?(options: {
    rpId: string;
    userId: string;
    allAcceptedCredentialIds: string[];
  }): Promise<void>;
  signalCurrentUserDetails?(options: {
    rpId: string;
    userId: string;
    name: string;
    displayName: string;
  }): Promise<void>;
}

const api = (): SignalApi | undefined => globalThis.PublicKeyCredential as unknown as SignalApi | undefined;

/** base64url (no padding) of the UTF-8 bytes of `text`. */
export function userHandle(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Every passkey the server still accepts for the user: the browser may drop the others. */
export function signalAcceptedPasskeys(rpId: string, userId: string, credentialIds: string[]): void {
  api()
    ?.signalAllAcceptedCredentials?.({ rpId, userId: userHandle(userId), allAcceptedCredentialIds: credentialIds })
    .catch(() => undefined);
}

/** The user's name and display name as the host knows them now: the passkeys' labels follow. */
export function signalUserDetails(rpId: string, userId: string, name: string, displayName: string): void {
  api()
    ?.signalCurrentUserDetails?.({ rpId, userId: userHandle(userId), name, displayName: displayName || name })
    .catch(() => undefined);
}
