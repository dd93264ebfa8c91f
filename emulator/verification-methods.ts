import { VERIFICATION_METHODS, type AuthenticatorRecord, type VerificationMethod } from './model.js';
import type { RuleDecision } from './rule-engine.js';

/** The methods a user has an authenticator for, in Authsignal's usual order. */
export function enrolledMethods(authenticators: AuthenticatorRecord[]): VerificationMethod[] {
  return VERIFICATION_METHODS.filter((m) => authenticators.some((a) => a.verificationMethod === m));
}

/**
 * What `track` tells the host: the methods the user has, those of them the deciding rule (or the
 * action) permits, in its order of preference, and the default: the rule's where the user has
 * it, else the method of the user's default authenticator where allowed, else a passkey where
 * allowed, else the first.
 */
export function methodsView(
  decision: Pick<RuleDecision, 'methods' | 'defaultMethod'>,
  authenticators: AuthenticatorRecord[],
) {
  const enrolled = enrolledMethods(authenticators);
  const allowed = decision.methods ? decision.methods.filter((m) => enrolled.includes(m)) : enrolled;
  const userDefault = authenticators.find((a) => a.isDefault)?.verificationMethod;
  const defaultMethod =
    decision.defaultMethod && allowed.includes(decision.defaultMethod)
      ? decision.defaultMethod
      : userDefault && allowed.includes(userDefault)
        ? userDefault
        : allowed.includes('PASSKEY')
          ? 'PASSKEY'
          : allowed[0];
  return {
    enrolledVerificationMethods: enrolled,
    allowedVerificationMethods: allowed,
    ...(defaultMethod ? { defaultVerificationMethod: defaultMethod } : {}),
  };
}
