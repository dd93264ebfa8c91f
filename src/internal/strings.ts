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

/** What the `strings` property takes: any subset of the keys (and of the error messages), and no other key. */
export type PartialStrings<T> = { [K in keyof T]?: T[K] extends Record<string, string> ? Partial<T[K]> : T[K] };

/**
 * A whole language for both elements, for `registerTranslation()`. Every key is required, so a
 * translation that misses one does not compile.
 */
export interface PasskeyTranslation {
  /** Writing direction of the language: the elements mirror their layout for `rtl`. */
  dir: 'ltr' | 'rtl';
  passkeyEnroll: PasskeyEnrollStrings;
  stepUpChallenge: StepUpChallengeStrings;
}

/** Defaults with overrides applied; nested error messages merge key by key. */
export function mergeStrings<T extends { errors: Record<string, string> }>(
  defaults: T,
  overrides?: PartialStrings<T>,
): T {
  if (!overrides) return defaults;
  return { ...defaults, ...overrides, errors: { ...defaults.errors, ...overrides.errors } } as T;
}
