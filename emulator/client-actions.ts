import { ApiError } from './api-error.js';
import type { EmulatorContext } from './emulator-context.js';
import type { ActionRecord, AuthenticatorRecord } from './model.js';
import type { ApiRequest } from '../shared/router.js';
import type { TokenClaims } from './token-service.js';
import type { ClientCaller } from './request-authenticator.js';

/** Scopes of the token a successful verification returns (Authsignal: "to manage authenticators"). */
export const VERIFIED_SCOPES = ['read:authenticators', 'add:authenticators', 'remove:authenticators'];

/** What every client-API endpoint shares: admission, the token's action, scope, and success. */
export class ClientActions {
  constructor(private readonly ctx: EmulatorContext) {}

  /**
   * A route handler that resolves the caller once per request (for the log and the rate limit),
   * admits it, then runs `handler`.
   */
  readonly route =
    (handler: (r: ApiRequest, caller: ClientCaller) => Promise<unknown>) =>
    async (r: ApiRequest): Promise<{ body: unknown }> => {
      const caller = await this.ctx.auth.client(r.headers).catch((error: unknown) => error as Error);
      this.admit(r, caller instanceof Error ? undefined : caller);
      if (caller instanceof Error) throw caller;
      return { body: await handler(r, caller) };
    };

  /** Logs the request, then applies the rate limit and any injected fault. */
  private admit(r: ApiRequest, caller: ClientCaller | undefined): void {
    const userId = caller?.kind === 'token' ? caller.claims.userId : undefined;
    this.ctx.requestLog.record({ method: r.method, path: r.path, userId });
    if (!this.ctx.rateLimiter.allow(userId ? `user:${userId}` : `address:${r.remoteAddress}`)) {
      throw new ApiError(429, 'too_many_requests', 'Too many requests. Wait a minute and try again.');
    }
    const status = this.ctx.faults.take(userId);
    if (status !== undefined) {
      throw new ApiError(status, status >= 500 ? 'internal_error' : 'injected_fault', 'Injected failure (test hook).');
    }
  }

  /** The action a token points at; it must exist and must not be blocked. */
  actionOf(claims: TokenClaims): ActionRecord {
    const action = this.ctx.store.getAction(claims.userId, claims.actionCode, claims.idempotencyKey);
    if (!action) throw new ApiError(401, 'invalid_token', 'The action of this token does not exist.');
    if (action.state === 'BLOCK') {
      throw new ApiError(403, 'action_blocked', 'This action is blocked and cannot be completed.');
    }
    return action;
  }

  /** Adding an authenticator to a user who already has one needs `add:authenticators`. */
  requireAddScope(claims: TokenClaims): void {
    const enrolled = this.ctx.store.listAuthenticators(claims.userId).length > 0;
    if (enrolled && !claims.scopes.includes('add:authenticators')) {
      throw new ApiError(
        403,
        'insufficient_scope',
        'The user already has an authenticator: track the action with scope "add:authenticators" to add another.',
      );
    }
  }

  /**
   * The action succeeded with this authenticator: record it and answer the token that says so. An
   * action that had already succeeded (a step-up whose token now adds an authenticator) keeps the
   * method that verified it: adding proves nothing about the person, and the host that validates
   * the change must see which of their authenticators allowed it.
   */
  async succeed(action: ActionRecord, authenticator: AuthenticatorRecord): Promise<string> {
    if (action.state !== 'CHALLENGE_SUCCEEDED') {
      this.ctx.store.putAction({
        ...action,
        state: 'CHALLENGE_SUCCEEDED',
        stateUpdatedAt: new Date(this.ctx.now()).toISOString(),
        verificationMethod: authenticator.verificationMethod,
        verifiedByAuthenticatorId: authenticator.userAuthenticatorId,
      });
    }
    return this.ctx.tokens.issue(
      { userId: action.userId, actionCode: action.actionCode, idempotencyKey: action.idempotencyKey },
      VERIFIED_SCOPES,
    );
  }
}
