import { executeServerCommand } from '@web/test-runner-commands';
import type { OutboxMessage } from '../emulator/outbox.js';
import type { ActionRules, ShortActionRules } from '../emulator/action-rules.js';
import type { CredentialSignal, VirtualAuthenticatorOptions, VirtualCredential } from './virtual-authenticators.js';

/*
 * `passkey-elements/testing`: for browser tests run by web-test-runner with
 * `passkeyTestingPlugin()` (from `passkey-elements/testing/wtr`) in its config. Each call runs in
 * Node through a wtr command: the virtual authenticators of this page (Chromium), and the
 * emulator the plugin started, called as your backend would call Authsignal.
 */

async function command<T>(name: string, payload?: unknown): Promise<T> {
  try {
    return (await executeServerCommand(`passkey:${name}`, payload)) as T;
  } catch (error) {
    if (/unknown command|no plugin/i.test(String((error as Error)?.message))) {
      throw new Error(
        'passkey-elements/testing: add passkeyTestingPlugin() from passkey-elements/testing/wtr to the plugins of web-test-runner.config.mjs',
      );
    }
    throw error;
  }
}

/** A virtual authenticator on this page. */
export interface VirtualAuthenticator {
  id: string;
  /** Whether its next checks of user verification pass (false: the prompt fails, as a wrong fingerprint). */
  setUserVerified(verified: boolean): Promise<void>;
  /** The passkeys it holds. */
  credentials(): Promise<VirtualCredential[]>;
  remove(): Promise<void>;
}

/**
 * Adds a Chromium virtual authenticator to this page: by default a platform authenticator with
 * resident keys whose user verification succeeds. Chromium allows one `internal` one per page:
 * remove it (or call `removeVirtualAuthenticators()`) before adding another.
 */
export async function addVirtualAuthenticator(
  options: VirtualAuthenticatorOptions = {},
): Promise<VirtualAuthenticator> {
  const { id } = await command<{ id: string }>('add-authenticator', { options });
  return {
    id,
    setUserVerified: (verified) => command('set-user-verified', { id, verified }),
    credentials: () => command('credentials', { id }),
    remove: () => command('remove-authenticator', { id }),
  };
}

/** Removes every virtual authenticator of this page (an `afterEach` does it). */
export const removeVirtualAuthenticators = (): Promise<void> => command('remove-authenticators');

/** Whether the next checks of user verification pass, on every authenticator of this page. */
export const setUserVerified = (verified: boolean): Promise<void> => command('set-user-verified', { verified });

/** Whether the "touch" happens by itself; off, a ceremony waits (as for a person who looks away). */
export const setUserPresence = (enabled: boolean): Promise<void> => command('set-presence', { enabled });

/**
 * What this page told its virtual authenticators through the WebAuthn Signal API, as Chromium
 * applied it (oldest first): passkeys deleted (`signalUnknownCredential`, or left out of
 * `signalAllAcceptedCredentials`) and names updated (`signalCurrentUserDetails`).
 */
export const credentialSignals = (): Promise<CredentialSignal[]> => command('credential-signals');

/** What `track` answers. */
export interface TrackResult {
  state: 'ALLOW' | 'BLOCK' | 'CHALLENGE_REQUIRED' | 'REVIEW_REQUIRED' | string;
  token?: string;
  idempotencyKey: string;
  isEnrolled?: boolean;
  allowedVerificationMethods?: string[];
  /** The rule that decided (none: the action's default). */
  ruleIds?: string[];
}

/** What `validateChallenge` answers. */
export interface ValidateResult {
  isValid: boolean;
  state?: string;
  userId?: string;
  action?: string;
  idempotencyKey?: string;
  verificationMethod?: string;
}

/** The emulator the plugin started, as your backend and your page see it. */
export const emulator = {
  /** What the elements take: `base-url` (with `/v1`) and `tenant-id`. */
  config: () => command<{ baseUrl: string; tenantId: string }>('config'),
  /**
   * Your backend's `track`: with `scope: 'add:authenticators'` the token may add a passkey
   * (`<passkey-enroll>`); an action the plugin's rules mark CHALLENGE_REQUIRED gives a step-up token.
   */
  track: (request: { userId: string; action: string; scope?: string; attributes?: Record<string, unknown> }) =>
    command<TrackResult>('track', request),
  /** Your backend's `validateChallenge`. */
  validate: (token: string, expect: { userId?: string; action?: string } = {}) =>
    command<ValidateResult>('validate', { token, ...expect }),
  /** The codes "sent" to an email address or phone number, newest first. */
  outbox: (to: string) => command<OutboxMessage[]>('outbox', { to }),
  /** Moves the emulator's clock (tokens expire after 600 s). */
  advanceClock: (seconds: number) => command<void>('advance-clock', { seconds }),
  resetClock: () => command<void>('reset-clock'),
  /**
   * Replaces the emulator's rules (the plugin's `rules` option, same form): a test switches a rule
   * on, and `setRules()` with none puts the plugin's back. Actions tracked before keep their
   * decision. Rejects, changing nothing, on rules it cannot apply.
   */
  setRules: (rules?: ActionRules | ShortActionRules) => command<void>('set-rules', { rules }),
};

export type { CredentialSignal, VirtualAuthenticatorOptions, VirtualCredential } from './virtual-authenticators.js';
export type { OutboxMessage };
