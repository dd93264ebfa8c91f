import type { CompiledRules } from './action-rules.js';
import type { ChallengeRegistry } from './challenge-registry.js';
import type { CodeChallenges } from './code-challenges.js';
import type { CodeSender } from './code-sender.js';
import type { EmulatorStore } from './emulator-store.js';
import type { FaultInjector } from './fault-injector.js';
import type { Outbox } from './outbox.js';
import type { PasskeyVerifier } from './passkey-verifier.js';
import type { RateLimiter } from '../shared/rate-limiter.js';
import type { RequestAuthenticator } from './request-authenticator.js';
import type { RequestLog } from './request-log.js';
import type { ServerChallenges } from './server-challenges.js';
import type { TokenService } from './token-service.js';

/** What the API handlers share. */
export interface EmulatorContext {
  store: EmulatorStore;
  tokens: TokenService;
  challenges: ChallengeRegistry;
  verifier: PasskeyVerifier;
  auth: RequestAuthenticator;
  /** Replaced as a whole by `setRules()`. */
  rules: CompiledRules;
  rateLimiter: RateLimiter;
  faults: FaultInjector;
  requestLog: RequestLog;
  /** Codes sent for actions, failed attempts, enrollments a code will complete. */
  codes: CodeChallenges;
  /** Codes the tenant's backend sent with `challenge`. */
  serverChallenges: ServerChallenges;
  /** Where codes are "sent" (development only). */
  outbox: Outbox;
  /** Sends codes to the outbox under one send limit, for the client and the server API. */
  sender: CodeSender;
  /** Allowed web origins (the first one names the host in SMS texts when a request has no Origin). */
  origins: string[];
  /** The relying party's name: in WebAuthn options, code messages and authenticator-app labels. */
  rpName: string;
  now: () => number;
  /** Base URL including `/v1`, for `url` in track responses. */
  baseUrl: () => string;
}
