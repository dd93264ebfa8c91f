import { executeServerCommand } from '@web/test-runner-commands';
import { emulator, type ValidateResult as KitValidateResult } from '../../../testing/browser.js';

/** The host app's backend in browser tests: real `@authsignal/node` calls, run in Node by wtr. */
export interface EmulatorInfo {
  url: string;
  tenantId: string;
  /** An emulator whose tenant allows another origin only. */
  foreignUrl: string;
  /** Client requests a minute per caller before 429. */
  rateLimit: number;
}

export interface TrackResult {
  state: string;
  idempotencyKey: string;
  token: string;
  isEnrolled: boolean;
}

/** `validateChallenge`'s answer (the kit's type), and the error the node SDK may add. */
export type ValidateResult = KitValidateResult & { error?: string };

export interface ServerError {
  statusCode?: number;
  errorCode?: string;
  message: string;
}

type Outcome<T> = { ok: true; result: T } | ({ ok: false } & ServerError);

async function call<T>(method: string, args: object): Promise<T> {
  const outcome = (await executeServerCommand(`authsignal:${method}`, args)) as Outcome<T>;
  if (!outcome.ok) throw Object.assign(new Error(outcome.message), outcome);
  return outcome.result;
}

export const backend = {
  info: () => executeServerCommand('emulator:info') as Promise<EmulatorInfo>,
  track: (userId: string, action: string, attributes: Record<string, unknown> = {}) =>
    call<TrackResult>('track', { userId, action, attributes }),
  validate: (args: { token: string; userId?: string; action?: string }) =>
    call<ValidateResult>('validateChallenge', args),
  getAuthenticators: (userId: string) => call<{ userAuthenticatorId: string }[]>('getAuthenticators', { userId }),
  deleteAuthenticator: (userId: string, userAuthenticatorId: string) =>
    call<unknown>('deleteAuthenticator', { userId, userAuthenticatorId }),
  getAction: (userId: string, action: string, idempotencyKey: string) =>
    call<{ state: string }>('getAction', { userId, action, idempotencyKey }),
  /** Moves the emulator's clock forward (tokens expire after 600 s). */
  advanceClock: (seconds: number) => emulator.advanceClock(seconds),
  resetClock: () => emulator.resetClock(),
  /** The next `count` client-API requests of this user fail with `status` (a real HTTP error). */
  injectFault: (userId: string, status: number, count = 1) =>
    executeServerCommand('emulator:inject-fault', { userId, status, count }),
  /** Client-API requests the emulator received with a token of this user. */
  requests: (userId: string) =>
    executeServerCommand('emulator:requests', { userId }) as Promise<{ method: string; path: string }[]>,
  /** Tokens the test backend has issued for this user (counted once each exists, before the page reads it). */
  tokensIssued: (userId: string) => executeServerCommand('emulator:tokens-issued', { userId }) as Promise<number>,
  /** The codes the emulator "sent" to this address, newest first (its development outbox). */
  outbox: (to: string) => emulator.outbox(to),
  /** The code an authenticator app with this secret shows now (or `offsetSeconds` from now). */
  totp: (secret: string, offsetSeconds = 0) =>
    executeServerCommand('emulator:totp', { secret, offsetSeconds }) as Promise<string>,
  enrollVerified: (userId: string, attributes: { verificationMethod: string; email?: string; phoneNumber?: string }) =>
    call<{ authenticator: { userAuthenticatorId: string } }>('enrollVerifiedAuthenticator', { userId, attributes }),
  /** An emulator of its own, to stop mid-test (`network` failures). */
  startTemporary: () => executeServerCommand('emulator:start-temporary') as Promise<{ url: string }>,
  stopTemporary: (url: string) => executeServerCommand('emulator:stop-temporary', { url }),
};

export const uniqueUser = (label = 'user'): string => `${label}-${crypto.randomUUID()}`;
