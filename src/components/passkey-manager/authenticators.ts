import { PasskeyElementError } from '../../internal/error-codes.js';
import type { VerificationMethod } from '../../internal/verification-method.js';
import { MANAGED } from './managed-methods.js';

/** One of the user's authenticators, as the element shows it. */
export interface ManagedAuthenticator {
  /** Authsignal's `userAuthenticatorId`. */
  readonly id: string;
  readonly method: VerificationMethod;
  /** A passkey's maker (the AAGUID's name), else empty; an email address or a phone number. */
  readonly label: string;
  readonly createdAt?: string;
  readonly lastUsedAt?: string;
  /** Passkeys only. */
  readonly credentialId?: string;
  /** A passkey the SDK recorded as created or used in this browser. */
  readonly onThisDevice: boolean;
}

/** The part of Authsignal's `Authenticator` (`GET /client/user-authenticators`) the element reads. */
interface ApiAuthenticator {
  userAuthenticatorId: string;
  verificationMethod: string;
  createdAt?: string;
  verifiedAt?: string;
  lastVerifiedAt?: string;
  email?: string;
  phoneNumber?: string;
  webauthnCredential?: { credentialId: string; aaguidMapping?: { name?: string } };
}

/**
 * The credential ids the SDK recorded in this browser (`localStorage.as_user_passkey_map`, user
 * id → ids, written by its `signUp` and `signIn`). Credential ids are unique, so the user does
 * not matter. Unreadable (storage blocked, malformed): none.
 */
function idsOnThisDevice(): Set<string> {
  try {
    const map = JSON.parse(localStorage.getItem('as_user_passkey_map') ?? '{}') as Record<string, unknown>;
    return new Set(Object.values(map).flatMap((ids) => (Array.isArray(ids) ? ids : [])));
  } catch {
    return new Set();
  }
}

/**
 * The token's user's authenticators, read as newer Authsignal SDKs read them
 * (`GET {baseUrl}/client/user-authenticators`, the user's token as Bearer). Methods this element
 * does not know (a security key, a push device) are left out.
 */
export async function readAuthenticators(baseUrl: string, token: string): Promise<ManagedAuthenticator[]> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl || 'https://api.authsignal.com/v1'}/client/user-authenticators`, {
      headers: { authorization: `Bearer ${token}` },
    });
  } catch {
    throw new PasskeyElementError('network');
  }
  const body = (await response.json().catch(() => undefined)) as ApiAuthenticator[] | { error?: string } | undefined;
  if (!response.ok || !Array.isArray(body)) {
    throw new PasskeyElementError(
      response.status === 429
        ? 'rate-limited'
        : response.status === 401 || response.status === 403
          ? 'expired-token'
          : 'server',
    );
  }
  const here = idsOnThisDevice();
  return body
    .filter((a) => MANAGED.includes(a.verificationMethod as VerificationMethod))
    .map((a) => ({
      id: a.userAuthenticatorId,
      method: a.verificationMethod as VerificationMethod,
      label: a.webauthnCredential?.aaguidMapping?.name ?? a.email ?? a.phoneNumber ?? '',
      createdAt: a.createdAt ?? a.verifiedAt,
      lastUsedAt: a.lastVerifiedAt,
      credentialId: a.webauthnCredential?.credentialId,
      onThisDevice: !!a.webauthnCredential && here.has(a.webauthnCredential.credentialId),
    }));
}
