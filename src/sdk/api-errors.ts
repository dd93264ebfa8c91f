import type { PasskeyErrorCode } from '../internal/error-codes.js';
import { signalUnknownCredential } from './credential-signal.js';

/**
 * Maps an SDK result's `errorCode` (the API's error string). Lives with the SDK: only a ceremony's
 * answer needs it, so it loads with the SDK, not before the button renders. A passkey the API does
 * not know (`invalid_credential`) is also signalled to the browser, which may drop it.
 */
export function codeFromApiError(errorCode: string | undefined): PasskeyErrorCode {
  switch (errorCode) {
    case 'expired_token':
    case 'invalid_token':
      return 'expired-token';
    case 'too_many_requests':
      return 'rate-limited';
    case 'already_registered':
      return 'already-registered';
    case 'credential_not_found':
      return 'no-passkey';
    case 'network_error':
      return 'network';
    // A wrong tenant id, a token tracked without the needed scope, or no token at all.
    case 'unauthorized':
    case 'insufficient_scope':
    case 'token_not_set':
    case 'invalid_origin':
      return 'configuration';
    case 'invalid_credential':
      signalUnknownCredential();
      return 'server';
    case 'internal_error':
    case 'invalid_challenge':
    case 'invalid_request':
    case 'action_blocked':
      return 'server';
    default:
      return errorCode && /^5|error$/.test(errorCode) ? 'server' : 'unknown';
  }
}

/**
 * Maps what a ceremony threw to `cancel` or an error code. WebAuthn failures arrive as
 * `WebAuthnError` (named after the DOMException) or as the DOMException itself; a failed fetch is
 * a `TypeError`. (The SDK's "WebAuthn is not supported" cannot happen: the elements check first.)
 */
export function failureFromThrown(error: unknown): PasskeyErrorCode | 'cancel' {
  switch ((error as { name?: unknown } | null)?.name) {
    // Dismissed, timed out, or failed user verification: browsers do not tell these apart.
    case 'NotAllowedError':
    case 'AbortError':
      return 'cancel';
    case 'InvalidStateError':
      return 'already-registered';
    case 'NotSupportedError':
      return 'unsupported';
    case 'SecurityError':
      return 'configuration';
    case 'TypeError':
      return 'network';
  }
  return 'unknown';
}
