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
 * The step-up's codes beyond the passkey ones, for its code-based methods: no method this page can
 * use, a wrong or expired code, and a challenge locked after too many wrong codes.
 */
export type MethodErrorCode = 'no-method' | 'invalid-code' | 'too-many-attempts';

/** Every code `<step-up-challenge>` reports. */
export type StepUpErrorCode = PasskeyErrorCode | MethodErrorCode;

/**
 * `<passkey-manager>`'s codes beyond the step-up's, from the host's server: the change would
 * remove the last way to confirm, another change is under way, or the server refused the change
 * (its step-up did not validate, it was used already, or it took too long); and an address or
 * phone number the API cannot send a code to.
 */
export type ChangeErrorCode = 'last-authenticator' | 'change-in-progress' | 'change-refused' | 'invalid-contact';

/** Every code `<passkey-manager>` reports. */
export type ManagerErrorCode = StepUpErrorCode | ChangeErrorCode;

/**
 * How a ceremony ends without a result, already classified: an error code, or `cancel` (the person
 * dismissed the prompt). Thrown by the elements and made from the SDK module's answers.
 */
export class PasskeyElementError extends Error {
  constructor(readonly code: ManagerErrorCode | 'cancel') {
    super(code);
  }
}

/**
 * How a ceremony step answers: its data, or the code the element reports (`cancel`: the person
 * dismissed the prompt). The SDK module answers this way (it cannot throw the elements' class: in
 * a CDN page it is another file), and so do the elements' own checks.
 */
export type Outcome<T> = { data: T } | { code: ManagerErrorCode | 'cancel' };
