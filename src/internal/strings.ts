import type { PasskeyErrorCode } from './error-codes.js';

/** The strings every ceremony shows. */
export interface CeremonyStrings {
  /** Button label, when the default slot is empty. */
  button: string;
  working: string;
  success: string;
  cancelled: string;
  unsupported: string;
  retry: string;
  errors: Record<PasskeyErrorCode, string>;
}

/** Every visible string of `<passkey-enroll>`; override any of them with the `strings` property. */
export type PasskeyEnrollStrings = CeremonyStrings;

/** Every visible string of `<step-up-challenge>`; override any of them with the `strings` property. */
export interface StepUpChallengeStrings extends CeremonyStrings {
  /** Heading of the modal dialog. */
  title: string;
  /** Label of the dialog's close button. */
  close: string;
}

export type PartialStrings<T> = { [K in keyof T]?: T[K] extends Record<string, string> ? Partial<T[K]> : T[K] };

export const ERROR_MESSAGES_EN: Record<PasskeyErrorCode, string> = {
  unsupported: 'This browser or connection cannot use passkeys.',
  configuration: 'Passkeys are not set up correctly on this page.',
  'already-registered': 'This device already has a passkey for your account.',
  'expired-token': 'Your session has expired. Please try again.',
  network: 'We could not reach the server. Check your connection and try again.',
  'rate-limited': 'Too many attempts. Please wait a minute and try again.',
  server: 'Something went wrong on our side. Please try again.',
  unknown: 'Something went wrong. Please try again.',
  'no-passkey': 'There is no passkey for your account on this device.',
};

const UNSUPPORTED_EN = 'Passkeys need a browser with WebAuthn on a secure (https) page. Try another browser or device.';

export const PASSKEY_ENROLL_STRINGS_EN: PasskeyEnrollStrings = {
  button: 'Create a passkey',
  working: 'Waiting for your device…',
  success: 'Passkey created.',
  cancelled: 'Passkey creation was cancelled. You can try again.',
  unsupported: UNSUPPORTED_EN,
  retry: 'Try again',
  errors: ERROR_MESSAGES_EN,
};

export const STEP_UP_CHALLENGE_STRINGS_EN: StepUpChallengeStrings = {
  title: 'Confirm it’s you',
  button: 'Confirm with passkey',
  working: 'Waiting for your device…',
  success: 'Confirmed.',
  cancelled: 'Confirmation was cancelled. You can try again.',
  unsupported: UNSUPPORTED_EN,
  retry: 'Try again',
  close: 'Cancel',
  errors: ERROR_MESSAGES_EN,
};

/** Defaults with overrides applied; nested error messages merge key by key. */
export function mergeStrings<T extends { errors: Record<string, string> }>(
  defaults: T,
  overrides?: PartialStrings<T>,
): T {
  if (!overrides) return defaults;
  return { ...defaults, ...overrides, errors: { ...defaults.errors, ...(overrides.errors ?? {}) } } as T;
}
