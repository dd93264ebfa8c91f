import { methodsFor, type ActionRules } from './action-rules.js';
import { VERIFICATION_METHODS, type AuthenticatorRecord, type VerificationMethod } from './model.js';

/** The methods a user has an authenticator for, in Authsignal's usual order. */
export function enrolledMethods(authenticators: AuthenticatorRecord[]): VerificationMethod[] {
  return VERIFICATION_METHODS.filter((m) => authenticators.some((a) => a.verificationMethod === m));
}

/**
 * What `track` tells the host: the methods the user has, those of them the action permits (in the
 * action's order of preference), and the default (a passkey where allowed, else the first).
 */
export function methodsView(rules: ActionRules, actionCode: string, authenticators: AuthenticatorRecord[]) {
  const enrolled = enrolledMethods(authenticators);
  const permitted = methodsFor(rules, actionCode);
  const allowed = permitted ? permitted.filter((m) => enrolled.includes(m)) : enrolled;
  const defaultMethod = allowed.includes('PASSKEY') ? 'PASSKEY' : allowed[0];
  return {
    enrolledVerificationMethods: enrolled,
    allowedVerificationMethods: allowed,
    ...(defaultMethod ? { defaultVerificationMethod: defaultMethod } : {}),
  };
}
