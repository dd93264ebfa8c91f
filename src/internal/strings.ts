import type { PasskeyErrorCode } from './error-codes.js';

/** Every visible string of `<passkey-enroll>`; override any of them with the `strings` property. */
export interface PasskeyEnrollStrings {
  /** Button label, when the default slot is empty. */
  button: string;
  working: string;
  success: string;
  cancelled: string;
  unsupported: string;
  retry: string;
  errors: Record<PasskeyErrorCode, string>;
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
};

export const PASSKEY_ENROLL_STRINGS_EN: PasskeyEnrollStrings = {
  button: 'Create a passkey',
  working: 'Waiting for your device…',
  success: 'Passkey created.',
  cancelled: 'Passkey creation was cancelled. You can try again.',
  unsupported: 'Passkeys need a browser with WebAuthn on a secure (https) page. Try another browser or device.',
  retry: 'Try again',
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
