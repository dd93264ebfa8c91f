/** Records the emulator keeps, shaped after Authsignal's API responses. */

export const ACTION_STATES = [
  'ALLOW',
  'BLOCK',
  'CHALLENGE_REQUIRED',
  'CHALLENGE_SUCCEEDED',
  'CHALLENGE_FAILED',
  'REVIEW_REQUIRED',
  'REVIEW_SUCCEEDED',
  'REVIEW_FAILED',
] as const;
export type ActionState = (typeof ACTION_STATES)[number];

export const SCOPES = [
  'read:authenticators',
  'add:authenticators',
  'remove:authenticators',
  'update:authenticators',
] as const;
export type Scope = (typeof SCOPES)[number];

export interface UserRecord {
  userId: string;
  email?: string;
  /** Set by `updateUser`; an email authenticator's address is verified whatever this says. */
  emailVerified?: boolean;
  phoneNumber?: string;
  phoneNumberVerified?: boolean;
  username?: string;
  displayName?: string;
  /** User custom data points (`updateUser`'s `custom`). */
  custom?: Record<string, unknown>;
  locale?: string;
  createdAt: string;
}

export interface PasskeyCredentialRecord {
  credentialId: string;
  /** COSE public key, base64url. Never leaves the emulator. */
  publicKey: string;
  counter: number;
  transports: string[];
  deviceId?: string;
  name: string;
  aaguid: string;
  authenticatorAttachment?: string;
  credentialBackedUp: boolean;
  credentialDeviceType: string;
}

/** The verification methods the emulator speaks, by Authsignal's names. */
export const VERIFICATION_METHODS = ['PASSKEY', 'EMAIL_OTP', 'SMS', 'AUTHENTICATOR_APP'] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

export interface AuthenticatorRecord {
  userAuthenticatorId: string;
  userId: string;
  verificationMethod: VerificationMethod;
  createdAt: string;
  verifiedAt: string;
  lastVerifiedAt?: string;
  /** PASSKEY only. */
  webauthnCredential?: PasskeyCredentialRecord;
  /** EMAIL_OTP only. */
  email?: string;
  /** SMS only, E.164. */
  phoneNumber?: string;
  /** AUTHENTICATOR_APP only: the base32 secret (never leaves the emulator after enrollment). */
  totpSecret?: string;
  /** AUTHENTICATOR_APP only: the last 30-second step a code was accepted for (no code is used twice). */
  lastTotpStep?: number;
  /** The user's default authenticator (`enrollVerifiedAuthenticator`'s `isDefault`): its method is offered first. */
  isDefault?: boolean;
}

export interface ActionRecord {
  userId: string;
  actionCode: string;
  idempotencyKey: string;
  state: ActionState;
  createdAt: string;
  stateUpdatedAt: string;
  verificationMethod?: VerificationMethod;
  verifiedByAuthenticatorId?: string;
  /** What `track` was given (custom attributes, email, …), kept for `getAction`'s `output`. */
  attributes: Record<string, unknown>;
  /** Whether the user had an authenticator when the action was tracked (absent: created without a track). */
  enrolledAtTrack?: boolean;
  /** The rule that decided, as `getAction` answers it; absent: the action's default decided. */
  rule?: { ruleId: string; name: string; description?: string };
  /** The methods the decision permits, in order of preference; absent: any the user has. */
  permittedMethods?: VerificationMethod[];
  defaultMethod?: VerificationMethod;
  /** The session a token of this action started (`createSession`): a challenge starts one session only. */
  sessionId?: string;
}

/** A session `createSession` started: the refresh-token family OAuth's rotation speaks of. */
export interface SessionRecord {
  sessionId: string;
  userId: string;
  clientId: string;
  verificationMethod?: VerificationMethod;
  createdAt: string;
  /** When the family ends, whatever refreshes (epoch ms). */
  expiresAt: number;
  /** The only access token of the session still valid (`jti`): each refresh revokes the earlier ones. */
  accessJti: string;
  /** SHA-256 (hex) of the current refresh token; the token itself is never kept. */
  refreshHash: string;
  /** Hashes of refresh tokens already exchanged: one presented again revokes the family. */
  usedRefreshHashes: string[];
  revokedAt?: string;
}

export interface StoreData {
  version: 1;
  users: Record<string, UserRecord>;
  authenticators: AuthenticatorRecord[];
  actions: Record<string, ActionRecord>;
  /** Absent in files written before sessions existed. */
  sessions?: Record<string, SessionRecord>;
  /** The RS256 private key (JWK) that signs session access tokens, kept so a restart keeps sessions. */
  sessionKey?: Record<string, unknown>;
}

/** What a client token points at: one action of one user. */
export interface ActionBinding {
  userId: string;
  actionCode: string;
  idempotencyKey: string;
}
