import type { StepUpChallengeSuccessDetail as Verified } from '../../../events/step-up-challenge-success.js';
import type { Outcome } from '../../../internal/error-codes.js';
import type { CodeMethod } from '../../../internal/verification-method.js';
import type * as Ceremonies from '../../../sdk/passkey-ceremonies.js';

/*
 * The SDK calls of the code-based methods. They live here, with the views that use them, not in
 * the SDK module: a page that only ever runs passkeys does not download them. Each takes the SDK
 * module, which the element loads (and shares with its passkey ceremonies).
 *
 * These calls use the SDK's one token for the whole page (they have no token parameter). Each
 * sets the token it means and calls in the same turn: the SDK reads the token before its first
 * await, so two elements with two users on one page never cross.
 */

type Sdk = typeof Ceremonies;

/** Sends an email or SMS code for the token's action. */
export const sendCode = (
  sdk: Sdk,
  config: Ceremonies.ApiConfig,
  { token, method }: { token: string; method: 'EMAIL_OTP' | 'SMS' },
): Promise<Outcome<undefined>> =>
  sdk.settle(async () => {
    const client = sdk.client(config);
    client.setToken(token);
    const result = await (method === 'SMS' ? client.sms : client.email).challenge();
    return result.errorCode ? { code: sdk.codeFromApiError(result.errorCode) } : { data: undefined };
  });

/** A code that checked out: the verified token, and the authenticator it proved. */
type Checked = { token: string; userAuthenticatorId?: string };

/**
 * Checks a code with the token's challenge: the verified token, and the authenticator it proved
 * (an enrollment's new one). A wrong or expired code is an answer (`isVerified: false`), not an
 * API error.
 */
export const checkCode = (
  sdk: Sdk,
  config: Ceremonies.ApiConfig,
  { token, method, code }: { token: string; method: CodeMethod; code: string },
): Promise<Outcome<Checked>> =>
  sdk.settle<Checked>(async () => {
    const client = sdk.client(config);
    client.setToken(token);
    const api = method === 'SMS' ? client.sms : method === 'EMAIL_OTP' ? client.email : client.totp;
    const result = await api.verify({ code });
    if (result.errorCode) return { code: sdk.codeFromApiError(result.errorCode) };
    const {
      isVerified,
      token: verified,
      failureReason,
      userAuthenticator,
    } = (result.data ?? {}) as {
      isVerified?: boolean;
      token?: string;
      failureReason?: string;
      userAuthenticator?: { userAuthenticatorId?: string };
    };
    if (isVerified && verified) {
      return { data: { token: verified, userAuthenticatorId: userAuthenticator?.userAuthenticatorId } };
    }
    if (failureReason === 'MAX_ATTEMPTS_EXCEEDED') return { code: 'too-many-attempts' };
    return { code: failureReason === 'CODE_INVALID_OR_EXPIRED' ? 'invalid-code' : 'server' };
  });

/** Verifies a step-up's code: the event's detail (the token and the method), nothing more. */
export const verifyCode = async (
  sdk: Sdk,
  config: Ceremonies.ApiConfig,
  options: { token: string; method: CodeMethod; code: string },
): Promise<Outcome<Verified>> => {
  const checked = await checkCode(sdk, config, options);
  return 'data' in checked ? { data: { token: checked.data.token, method: options.method } } : checked;
};

/**
 * Whether this browser holds a passkey of the user, as far as the SDK knows (its record of the
 * user's credentials on this device, checked with the API). Unknown (a failed request) counts as
 * yes: the passkey ceremony then tells.
 */
export const passkeyOnDevice = (sdk: Sdk, config: Ceremonies.ApiConfig, userId: string): Promise<boolean> =>
  sdk
    .client(config)
    .passkey.isAvailableOnDevice({ userId })
    .catch(() => true);
