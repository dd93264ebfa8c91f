export * from './passkey-enroll.js';
export * from './step-up-challenge.js';
export type { PasskeyErrorDetail } from './events/passkey-enroll-error.js';
export type { PasskeyErrorCode } from './internal/error-codes.js';
export type { ShippedLocale } from './i18n/locale-codes.js';
export type {
  CeremonyStrings,
  PasskeyEnrollStrings,
  StepUpChallengeStrings,
  PartialStrings,
  PasskeyTranslation,
} from './internal/strings.js';
