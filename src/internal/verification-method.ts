/**
 * Authsignal's names for the ways `<step-up-challenge>` can confirm a person, as `track()` lists
 * them in `allowedVerificationMethods`.
 */
export type VerificationMethod = 'PASSKEY' | 'EMAIL_OTP' | 'SMS' | 'AUTHENTICATOR_APP';

/** The methods that confirm with a code the person types. */
export type CodeMethod = Exclude<VerificationMethod, 'PASSKEY'>;
