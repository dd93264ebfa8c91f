/**
 * Stable error codes the elements report, whatever the SDK, the browser or the network said.
 * The raw error never leaves the element.
 */
export type PasskeyErrorCode =
  | 'unsupported'
  | 'configuration'
  | 'already-registered'
  | 'expired-token'
  | 'network'
  | 'rate-limited'
  | 'server'
  | 'unknown'
  /** Step-up only: the user has no passkey (on this device, when `user-id` lets the element check). */
  | 'no-passkey';

/** A failure the elements raise themselves (configuration, token-url), already classified. */
export class PasskeyElementError extends Error {
  constructor(readonly code: PasskeyErrorCode) {
    super(code);
  }
}

/**
 * Maps what a ceremony threw to `cancel` or an error code. WebAuthn failures arrive as
 * `WebAuthnError` (named after the DOMException) or as the DOMException itself; a failed fetch is
 * a `TypeError`.
 */
export function failureFromThrown(error: unknown): PasskeyErrorCode | 'cancel' {
  if (error instanceof PasskeyElementError) return error.code;
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
  return /not supported/i.test(String((error as { message?: unknown } | null)?.message)) ? 'unsupported' : 'unknown';
}
