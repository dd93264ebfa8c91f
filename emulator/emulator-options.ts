import type { ActionRules, ShortActionRules } from './action-rules.js';
import type { SessionLifetimes } from './session-api.js';

/** Failures and delays to test a caller against a slow or failing API. */
export interface FaultOptions {
  /** Milliseconds added before every answer. */
  latencyMs?: number;
  /**
   * Requests whose path (e.g. `/v1/client/challenge/email-otp`) matches fail with `status`
   * (default 503), every time or with probability `rate` (0–1).
   */
  fail?: { path: string | RegExp; status?: number; rate?: number }[];
}

export interface EmulatorOptions {
  /** TCP port; 0 (the default) picks a free one. The CLI's default is 4000. */
  port?: number;
  /** Interface to bind. Default `127.0.0.1`: the emulator is for this machine only. */
  host?: string;
  /** Default `local-tenant`. */
  tenantId?: string;
  /** The API secret key `@authsignal/node` sends. Default `local-secret`. */
  secret?: string;
  /** Origins allowed to call the client API and to appear in WebAuthn client data. */
  origins?: string[];
  /**
   * The app clients sessions are created for (`createSession`'s `clientId`, the access token's
   * `aud`), as Authsignal's portal configures them. Default `['local-client']`.
   */
  clientIds?: string[];
  /** How long session tokens live (default: access 10 minutes, refresh 30 days). */
  sessions?: SessionLifetimes;
  /** WebAuthn relying-party id. Default `localhost`. */
  rpId?: string;
  rpName?: string;
  /** JSON file that keeps users, authenticators and actions across restarts; omit for memory only. */
  dataFile?: string;
  /** Action configurations and their rules: what `track` decides (see `ActionRules`; the short form still works). */
  rules?: ActionRules | ShortActionRules;
  /** Client-API requests allowed per caller and window; `false` turns the limit off. */
  rateLimit?: { max: number; windowSeconds: number } | false;
  /** Print one console line per code sent (the development outbox). Default true. */
  printOutbox?: boolean;
  /** Clock in milliseconds, injectable so tests can expire tokens. Default `Date.now`. */
  now?: () => number;
  /** Delays and failures for tests (see `FaultOptions`); `setFaults()` changes them later. */
  faults?: FaultOptions;
}

export const DEFAULTS = {
  port: 4000,
  host: '127.0.0.1',
  tenantId: 'local-tenant',
  secret: 'local-secret',
  origins: ['http://localhost:5173'],
  clientIds: ['local-client'],
  sessions: { accessTokenSeconds: 600, refreshTokenSeconds: 30 * 24 * 3600 },
  rpId: 'localhost',
  rpName: 'passkey-elements (local)',
  dataFile: '.data/emulator.json',
  rateLimit: { max: 30, windowSeconds: 60 },
} as const;
