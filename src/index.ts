export * from './passkey-enroll.js';
export type { PasskeyErrorCode } from './internal/error-codes.js';
export type { PasskeyEnrollStrings, PartialStrings } from './internal/strings.js';
