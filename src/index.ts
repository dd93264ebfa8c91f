export * from './passkey-enroll.js';
export * from './step-up-challenge.js';
export * from './passkey-sign-in.js';
export * from './passkey-manager.js';
export type { PasskeyErrorDetail } from './events/passkey-enroll-error.js';
export type {
  ChangeErrorCode,
  ManagerErrorCode,
  MethodErrorCode,
  PasskeyErrorCode,
  StepUpErrorCode,
} from './internal/error-codes.js';
export type { CodeMethod, VerificationMethod } from './internal/verification-method.js';
export type { ShippedLocale } from './i18n/locale-codes.js';
export type {
  CeremonyStrings,
  PasskeyEnrollStrings,
  PasskeyManagerStrings,
  PasskeySignInStrings,
  StepUpChallengeStrings,
  StepUpMethodStrings,
  PartialStrings,
  PasskeyTranslation,
} from './internal/strings.js';
