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

/**
 * How a ceremony ends without a result, already classified: an error code, or `cancel` (the person
 * dismissed the prompt). Thrown by the elements and made from the SDK module's answers.
 */
export class PasskeyElementError extends Error {
  constructor(readonly code: PasskeyErrorCode | 'cancel') {
    super(code);
  }
}
