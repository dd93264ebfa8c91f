import { Authsignal } from '@authsignal/browser';
import type { PasskeyEnrollSuccessDetail as Enrolled } from '../events/passkey-enroll-success.js';
import type { StepUpChallengeSuccessDetail as Verified } from '../events/step-up-challenge-success.js';
import type { Outcome } from '../internal/error-codes.js';
import { codeFromApiError, failureFromThrown } from './api-errors.js';

export { codeFromApiError };
export { canPromptWithoutGesture } from '../internal/gesture.js';

/**
 * Everything a ceremony needs that a button does not: the Authsignal SDK and the glue around it.
 * The elements load this module on intent (see sdk-loader.ts), never before they render. The
 * elements of a CDN file share no module with it but types (it answers the events' own detail
 * types), so that each CDN build keeps it as one file of its own, and it answers with plain data:
 * a class thrown from here would not be the elements' class in a page where the two come from
 * different files.
 */

export interface ApiConfig {
  tenantId: string;
  /** Authsignal API base URL with `/v1`; undefined: Authsignal's. */
  baseUrl?: string;
}

export type { Outcome };

type SignUpOptions = Parameters<Authsignal['passkey']['signUp']>[0];

/** Runs a ceremony; what it throws (a WebAuthn error, a failed fetch) becomes an answer too. */
export async function settle<T>(ceremony: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
  try {
    return await ceremony();
  } catch (error) {
    return { code: failureFromThrown(error) };
  }
}

const clients = new Map<string, Authsignal>();

/**
 * One SDK instance per tenant and base URL for the whole page, created on first use (the SDK sets
 * a cookie when created). Tokens are always passed explicitly: the SDK's token cache is page-wide.
 */
export function client({ tenantId, baseUrl }: ApiConfig): Authsignal {
  const key = `${tenantId}\n${baseUrl ?? ''}`;
  let instance = clients.get(key);
  if (!instance) clients.set(key, (instance = new Authsignal({ tenantId, ...(baseUrl ? { baseUrl } : {}) })));
  return instance;
}

/** `passkey.signUp` with a `track` token: a new passkey for the token's user. */
export const enrollPasskey = (
  config: ApiConfig,
  options: { token: string; username?: string; displayName?: string; authenticatorAttachment?: string },
): Promise<Outcome<Enrolled>> =>
  settle<Enrolled>(async () => {
    const result = await client(config).passkey.signUp(options as SignUpOptions);
    if (result.errorCode) return { code: codeFromApiError(result.errorCode) };
    if (!result.data?.token) return { code: 'server' };
    return {
      data: { token: result.data.token, userAuthenticatorId: result.data.userAuthenticator?.userAuthenticatorId },
    };
  });

/**
 * `passkey.signIn` with a token (step-up) or an action (a discoverable passkey). With `userId`,
 * first checks that this browser holds a passkey of that user (`no-passkey` otherwise).
 */
export const verifyPasskey = (
  config: ApiConfig,
  options: { token?: string; action?: string; userId?: string },
): Promise<Outcome<Verified>> =>
  settle<Verified>(async () => {
    const { passkey } = client(config);
    if (options.userId && !(await passkey.isAvailableOnDevice({ userId: options.userId }))) {
      return { code: 'no-passkey' };
    }
    const result = await passkey.signIn(options.token ? { token: options.token } : { action: options.action! });
    if (result.errorCode) return { code: codeFromApiError(result.errorCode) };
    if (!result.data?.isVerified || !result.data.token) return { code: 'server' };
    return { data: { token: result.data.token, method: 'PASSKEY' } };
  });
