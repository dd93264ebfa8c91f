import { randomUUID } from 'node:crypto';
import { ApiError } from './api-error.js';
import { BodyReader } from './body-reader.js';
import { VERIFIED_SCOPES } from './client-actions.js';
import { hostnameOf } from './code-api.js';
import { newCode } from './code-sender.js';
import { parseEmail, parsePhoneNumber } from './contact.js';
import type { EmulatorContext } from './emulator-context.js';
import type { ActionRecord, AuthenticatorRecord } from './model.js';
import type { ApiRequest, Router } from '../shared/router.js';
import { addServerRoutes } from './request-authenticator.js';
import { SERVER_CODE_METHODS, type ServerChallenge, type ServerCodeMethod } from './server-challenges.js';

/** The action a claimed challenge completes when `challenge` named none (Authsignal's is not documented). */
export const DEFAULT_CLAIM_ACTION = 'claimChallenge';

/**
 * Codes the tenant's backend sends and checks itself (`challenge`, `verify`, `getChallenge`,
 * `claimChallenge` of `@authsignal/node`): an email or SMS code to an address the backend gives
 * (a sign-up's, before any user exists) or to the user's own. The same outbox, send limits and
 * wrong-code lock as the client API's codes, and a code verifies once. A verified challenge
 * named for a user and an action completes that action; `claimChallenge` turns one into a client
 * token (for `validateChallenge` or `createSession`), once.
 */
export class ChallengeApi {
  constructor(private readonly ctx: EmulatorContext) {}

  register(router: Router): void {
    addServerRoutes(router, this.ctx, [
      ['POST', '/v1/challenge', (r) => this.challenge(r)],
      ['POST', '/v1/verify', (r) => this.verify(r)],
      ['GET', '/v1/challenges', (r) => this.getChallenge(r)],
      ['POST', '/v1/claim', (r) => this.claim(r)],
    ]);
  }

  private iso(): string {
    return new Date(this.ctx.now()).toISOString();
  }

  /** Sends a code: a new challenge, or a new code for the one `challengeId` names (a resend). */
  private challenge(r: ApiRequest): unknown {
    const body = new BodyReader(r.body);
    const resend = body.optionalString('challengeId');
    const previous = resend === undefined ? undefined : this.live(resend);
    if (resend !== undefined && !previous) throw ApiError.notFound('No such challenge, or it has expired.');
    if (previous?.claimed || previous?.verifiedAt !== undefined) {
      throw ApiError.invalidChallenge('This challenge was already verified.');
    }
    const method = (body.optionalString('verificationMethod') ?? previous?.verificationMethod) as ServerCodeMethod;
    if (!(SERVER_CODE_METHODS as readonly string[]).includes(method)) {
      throw ApiError.badRequest(`"verificationMethod" must be one of ${SERVER_CODE_METHODS.join(', ')}.`);
    }
    const userId = body.optionalString('userId') ?? previous?.userId;
    const action = body.optionalString('action') ?? previous?.action;
    const smsChannel = body.optionalString('smsChannel');
    if (smsChannel !== undefined && smsChannel !== 'DEFAULT' && smsChannel !== 'WHATSAPP') {
      throw ApiError.badRequest('"smsChannel" must be DEFAULT or WHATSAPP.');
    }
    const scope = body.optionalString('scope');
    const byEmail = method === 'EMAIL_OTP';
    const given = byEmail ? body.optionalString('email', 254) : body.optionalString('phoneNumber', 20);
    const own = userId === undefined ? undefined : this.authenticatorOf(userId, method);
    const to =
      given !== undefined
        ? byEmail
          ? parseEmail(given)
          : parsePhoneNumber(given)
        : (previous?.email ?? previous?.phoneNumber ?? own?.email ?? own?.phoneNumber);
    if (to === undefined) {
      throw ApiError.badRequest(
        byEmail
          ? 'Give "email", or a "userId" with an email address enrolled.'
          : 'Give "phoneNumber", or a "userId" with a phone number enrolled.',
      );
    }
    const idempotencyKey = body.optionalString('idempotencyKey') ?? previous?.idempotencyKey ?? randomUUID();
    if (userId !== undefined && action !== undefined) this.openAction(userId, action, idempotencyKey, body.raw());
    // The count a wrong code adds to: the user's authenticator for that address, else the address.
    const target = userId !== undefined ? this.authenticatorAt(userId, method, to)?.userAuthenticatorId : undefined;
    const attempts = JSON.stringify([userId ?? '', target ?? `${method === 'EMAIL_OTP' ? 'EMAIL_OTP' : 'SMS'}:${to}`]);
    const code = newCode();
    const channel = byEmail ? 'EMAIL' : method === 'WHATSAPP' || smsChannel === 'WHATSAPP' ? 'WHATSAPP' : 'SMS';
    this.ctx.sender.send(channel, to, code, {
      ...(userId !== undefined ? { userId } : {}),
      host: hostnameOf(r, this.ctx.origins),
    });
    const stored = this.ctx.serverChallenges.put({
      ...(previous ? { challengeId: previous.challengeId } : {}),
      verificationMethod: method,
      ...(byEmail ? { email: to } : { phoneNumber: to }),
      ...(channel === 'WHATSAPP'
        ? { smsChannel: 'WHATSAPP' as const }
        : byEmail
          ? {}
          : { smsChannel: 'DEFAULT' as const }),
      ...(userId !== undefined ? { userId } : {}),
      ...(action !== undefined ? { action } : {}),
      ...(scope !== undefined ? { scope } : {}),
      idempotencyKey,
      code,
      attempts,
    });
    return { challengeId: stored.challengeId, idempotencyKey, expiresAt: Math.floor(stored.expiresAt / 1000) };
  }

  /** `{ isVerified, … }` as an answer (never an HTTP error) for a wrong, expired, used or locked code. */
  private async verify(r: ApiRequest): Promise<unknown> {
    const body = new BodyReader(r.body);
    const challenge = this.known(body.string('challengeId'));
    const code = body.string('verificationCode', 16);
    const contact = {
      ...(challenge.email ? { email: challenge.email } : {}),
      ...(challenge.phoneNumber ? { phoneNumber: challenge.phoneNumber } : {}),
      verificationMethod: challenge.verificationMethod,
    };
    if (this.ctx.codes.isLocked(challenge.attempts)) {
      return { isVerified: false, ...contact, failureReason: 'MAX_ATTEMPTS_EXCEEDED' };
    }
    if (!this.ctx.serverChallenges.verify(challenge, code)) {
      const locked = this.ctx.codes.recordWrong(challenge.attempts);
      return {
        isVerified: false,
        ...contact,
        failureReason: locked ? 'MAX_ATTEMPTS_EXCEEDED' : 'CODE_INVALID_OR_EXPIRED',
      };
    }
    if (challenge.userId !== undefined && challenge.action !== undefined) {
      const action = this.ctx.store.getAction(challenge.userId, challenge.action, challenge.idempotencyKey);
      if (action) this.succeed(action, challenge);
    }
    return { isVerified: true, ...contact };
  }

  /** The newest live challenge by id, or of a user (and action, and method). */
  private getChallenge(r: ApiRequest): unknown {
    const q = (name: string) => r.query.get(name) ?? undefined;
    const challengeId = q('challengeId');
    const userId = q('userId');
    if (challengeId === undefined && userId === undefined) {
      throw ApiError.badRequest(
        'Give "challengeId", or "userId" (with "action" and "verificationMethod" if you like).',
      );
    }
    const found =
      challengeId !== undefined
        ? this.live(challengeId)
        : this.ctx.serverChallenges.find({ userId, action: q('action'), verificationMethod: q('verificationMethod') });
    if (!found || found.claimed || (userId !== undefined && found.userId !== userId)) return {};
    return {
      challengeId: found.challengeId,
      expiresAt: Math.floor(found.expiresAt / 1000),
      verificationMethod: found.verificationMethod,
      ...(found.smsChannel ? { smsChannel: found.smsChannel } : {}),
      ...(found.phoneNumber ? { phoneNumber: found.phoneNumber } : {}),
      ...(found.email ? { email: found.email } : {}),
      ...(found.action ? { action: found.action } : {}),
    };
  }

  /**
   * Binds a challenge to a user and answers a client token for its action, once. Unverified, it is
   * refused; with `skipVerificationCheck` it is claimed, but its action stays CHALLENGE_REQUIRED:
   * skipping the check never turns an unverified code into a success `validateChallenge` accepts.
   */
  private async claim(r: ApiRequest): Promise<unknown> {
    const body = new BodyReader(r.body);
    const challenge = this.known(body.string('challengeId'));
    const userId = body.string('userId');
    const skip = body.raw().skipVerificationCheck;
    if (skip !== undefined && typeof skip !== 'boolean') {
      throw ApiError.badRequest('"skipVerificationCheck" must be true or false.');
    }
    if (challenge.claimed) throw ApiError.invalidChallenge('This challenge was already claimed.');
    if (challenge.userId !== undefined && challenge.userId !== userId) {
      throw ApiError.invalidChallenge('This challenge was sent for another user.');
    }
    const verified = challenge.verifiedAt !== undefined;
    if (!verified && skip !== true) throw ApiError.invalidChallenge('This challenge has not been verified.');
    challenge.claimed = true;
    const now = this.iso();
    const contact = challenge.email
      ? { email: challenge.email, ...(verified ? { emailVerified: true } : {}) }
      : { phoneNumber: challenge.phoneNumber, ...(verified ? { phoneNumberVerified: true } : {}) };
    this.ctx.store.upsertUser(userId, contact, now);
    const actionCode = challenge.action ?? DEFAULT_CLAIM_ACTION;
    const action = this.openAction(userId, actionCode, challenge.idempotencyKey, {});
    if (verified) this.succeed(action, challenge);
    const scopes = verified ? VERIFIED_SCOPES : ['read:authenticators'];
    const token = await this.ctx.tokens.issue(
      { userId, actionCode, idempotencyKey: challenge.idempotencyKey },
      challenge.scope ? [...new Set([...scopes, ...challenge.scope.split(/\s+/).filter(Boolean)])] : scopes,
    );
    return { token, verificationMethod: challenge.verificationMethod };
  }

  /** A challenge by id, or 404. */
  private known(challengeId: string): ServerChallenge {
    const found = this.ctx.serverChallenges.get(challengeId);
    if (!found) throw ApiError.notFound('No such challenge.');
    return found;
  }

  /** A challenge by id that has not expired, or 404. */
  private live(challengeId: string): ServerChallenge | undefined {
    const found = this.ctx.serverChallenges.get(challengeId);
    if (found && found.expiresAt <= this.ctx.now()) return undefined;
    return found;
  }

  /** The action a challenge is for, created CHALLENGE_REQUIRED the first time. */
  private openAction(userId: string, actionCode: string, idempotencyKey: string, attributes: Record<string, unknown>) {
    const existing = this.ctx.store.getAction(userId, actionCode, idempotencyKey);
    if (existing) return existing;
    const now = this.iso();
    this.ctx.store.upsertUser(userId, {}, now);
    const action: ActionRecord = {
      userId,
      actionCode,
      idempotencyKey,
      state: 'CHALLENGE_REQUIRED',
      createdAt: now,
      stateUpdatedAt: now,
      attributes: Object.fromEntries(
        ['custom', 'deviceId', 'ipAddress', 'userAgent', 'locale']
          .filter((name) => attributes[name] !== undefined)
          .map((name) => [name, attributes[name]]),
      ),
      enrolledAtTrack: this.ctx.store.listAuthenticators(userId).length > 0,
    };
    this.ctx.store.putAction(action);
    return action;
  }

  /** The action succeeded by the challenge's code (and the authenticator at its address, if the user has one). */
  private succeed(action: ActionRecord, challenge: ServerChallenge): void {
    if (action.state === 'CHALLENGE_SUCCEEDED' || action.state === 'BLOCK') return;
    const method = challenge.verificationMethod === 'EMAIL_OTP' ? 'EMAIL_OTP' : 'SMS';
    const authenticator = this.authenticatorAt(
      action.userId,
      challenge.verificationMethod,
      challenge.email ?? challenge.phoneNumber!,
    );
    this.ctx.store.putAction({
      ...action,
      state: 'CHALLENGE_SUCCEEDED',
      stateUpdatedAt: this.iso(),
      verificationMethod: method,
      ...(authenticator ? { verifiedByAuthenticatorId: authenticator.userAuthenticatorId } : {}),
    });
  }

  /** The user's latest email (or phone) authenticator, where a code of `method` goes by default. */
  private authenticatorOf(userId: string, method: ServerCodeMethod): AuthenticatorRecord | undefined {
    const wanted = method === 'EMAIL_OTP' ? 'EMAIL_OTP' : 'SMS';
    return this.ctx.store
      .listAuthenticators(userId)
      .filter((a) => a.verificationMethod === wanted)
      .at(-1);
  }

  private authenticatorAt(userId: string, method: ServerCodeMethod, to: string): AuthenticatorRecord | undefined {
    return this.ctx.store
      .listAuthenticators(userId)
      .find((a) => (method === 'EMAIL_OTP' ? a.email === to : a.phoneNumber === to));
  }
}
