import type { VerificationMethod } from '../../internal/verification-method.js';

/** The methods the element shows, in the order it lists and offers them. */
export const MANAGED: readonly VerificationMethod[] = ['PASSKEY', 'EMAIL_OTP', 'SMS', 'AUTHENTICATOR_APP'];
