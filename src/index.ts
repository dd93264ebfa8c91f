export * from './passkey-enroll.js';
export * from './step-up-challenge.js';
export type { PasskeyErrorDetail } from './events/passkey-enroll-error.js';
export type { PasskeyErrorCode } from './internal/error-codes.js';
export type {
  CeremonyStrings,
  PasskeyEnrollStrings,
  StepUpChallengeStrings,
  PartialStrings,
} from './internal/strings.js';
