import { randomUUID } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { ApiError } from './api-error.js';
import { BodyReader } from './body-reader.js';
import { ClientActions } from './client-actions.js';
import type { CodeMethod, CodeTarget, PendingEnrollment } from './code-challenges.js';
import { parseEmail, parsePhoneNumber } from './contact.js';
import { newCode } from './code-sender.js';
import type { EmulatorContext } from './emulator-context.js';
import type { ActionBinding, ActionRecord, AuthenticatorRecord } from './model.js';
import type { TokenClaims } from './token-service.js';
import { RequestAuthenticator, type ClientCaller } from './request-authenticator.js';
import type { ApiRequest, Router } from '../shared/router.js';
import { authenticatorView } from './server-api.js';

const TOTP_PERIOD_S = 30;

type Verification = { isVerified: true; accessToken: string; userAuthenticator?: unknown } | Failure;
type Failure = { isVerified: false; failureReason: 'CODE_INVALID_OR_EXPIRED' | 'MAX_ATTEMPTS_EXCEEDED' };

/**
 * The client API of the code-based methods (`@authsignal/browser`'s `email`, `sms` and `totp`):
 * enroll an email address or phone number (verified by a code) or an authenticator app, send a code
 * for the token's action, and verify one. Verification answers `{ isVerified, accessToken }` or
 * `{ isVerified: false, failureReason }` (an answer, not an HTTP error). Five wrong codes within 15
 * minutes lock the authenticator they were tried against, across actions: the right code fails too
 * until the oldest of them is 15 minutes old.
 */
/** The host name of the page that asked (its Origin), else of the first allowed origin. */
export function hostnameOf(r: ApiRequest, origins: string[]): string {
  const origin = r.headers.origin && origins.includes(r.headers.origin) ? r.headers.origin : origins[0]!;
  return new URL(origin).hostname;
}

export class CodeApi {
  readonly #actions: ClientActions;

  constructor(private readonly ctx: EmulatorContext) {
    this.#actions = new ClientActions(ctx);
  }

  register(router: Router): void {
    const endpoints: [string, (r: ApiRequest, c: ClientCaller) => Promise<unknown>][] = [
      ['user-authenticators/email-otp', (r, c) => this.enrollContact(r, c, 'EMAIL_OTP')],
      ['user-authenticators/sms', (r, c) => this.enrollContact(r, c, 'SMS')],
      ['user-authenticators/totp', (_r, c) => this.enrollTotp(c)],
      ['challenge/email-otp', (r, c) => this.send(r, c, 'EMAIL_OTP')],
      ['challenge/sms', (r, c) => this.send(r, c, 'SMS')],
      ['verify/email-otp', (r, c) => this.verifyCode(r, c, 'EMAIL_OTP')],
      ['verify/sms', (r, c) => this.verifyCode(r, c, 'SMS')],
      ['verify/totp', (r, c) => this.verifyTotp(r, c)],
    ];
    for (const [path, handler] of endpoints) router.add('POST', `/v1/client/${path}`, this.#actions.route(handler));
  }

  /** The token of a request that adds an authenticator: its action usable, and the scope to add. */
  private enrolling(caller: ClientCaller): TokenClaims {
    const claims = RequestAuthenticator.tokenClaims(caller);
    this.#actions.actionOf(claims);
    this.#actions.requireAddScope(claims);
    return claims;
  }

  private iso(): string {
    return new Date(this.ctx.now()).toISOString();
  }

  /** Starts adding an email address or phone number: a code goes to it, and the verify completes it. */
  private async enrollContact(r: ApiRequest, caller: ClientCaller, method: CodeMethod): Promise<unknown> {
    const claims = this.enrolling(caller);
    const body = new BodyReader(r.body);
    const contact =
      method === 'EMAIL_OTP'
        ? { email: parseEmail(body.string('email', 254)) }
        : { phoneNumber: parsePhoneNumber(body.string('phoneNumber', 20)) };
    const enrollment: PendingEnrollment = { userAuthenticatorId: randomUUID(), method, ...contact };
    // Sent first: a send refused by the rate limit leaves no enrollment behind.
    this.deliver(r, claims, method, contact.email ?? contact.phoneNumber!, { enrollment });
    this.ctx.codes.startEnrollment(claims, enrollment);
    return { userAuthenticatorId: enrollment.userAuthenticatorId, userId: claims.userId };
  }

  /** Starts adding an authenticator app: its secret now, the authenticator once a code verifies. */
  private async enrollTotp(caller: ClientCaller): Promise<unknown> {
    const claims = this.enrolling(caller);
    const user = this.ctx.store.getUser(claims.userId);
    const secret = new Secret({ size: 20 }).base32;
    const enrollment: PendingEnrollment = {
      userAuthenticatorId: randomUUID(),
      method: 'AUTHENTICATOR_APP',
      totpSecret: secret,
    };
    this.ctx.codes.startEnrollment(claims, enrollment);
    const uri = this.totp(secret, user?.email ?? user?.username ?? claims.userId).toString();
    return { userAuthenticatorId: enrollment.userAuthenticatorId, userId: claims.userId, uri, secret };
  }

  /** Sends a code for the token's action: to the address being enrolled, else to the user's own. */
  private async send(r: ApiRequest, caller: ClientCaller, method: CodeMethod): Promise<unknown> {
    const claims = RequestAuthenticator.tokenClaims(caller);
    this.#actions.actionOf(claims);
    const enrollment = this.ctx.codes.enrollment(claims, method);
    if (enrollment) return this.deliver(r, claims, method, enrollment.email ?? enrollment.phoneNumber!, { enrollment });
    const authenticator = this.contactOf(claims.userId, method);
    if (!authenticator) {
      throw ApiError.badRequest(
        `The user has no ${method === 'SMS' ? 'phone number' : 'email address'} to send a code to.`,
      );
    }
    return this.deliver(r, claims, method, authenticator.email ?? authenticator.phoneNumber!, {
      authenticatorId: authenticator.userAuthenticatorId,
    });
  }

  /** The email address or phone a code of `method` goes to: the user's latest. */
  private contactOf(userId: string, method: CodeMethod): AuthenticatorRecord | undefined {
    return this.ctx.store
      .listAuthenticators(userId)
      .filter((a) => a.verificationMethod === method)
      .at(-1);
  }

  /**
   * A new code replaces the method's earlier one; it goes to the development outbox. Checked
   * against the send limit before it is issued, so a refused send leaves the last code usable.
   */
  private deliver(r: ApiRequest, binding: ActionBinding, method: CodeMethod, to: string, target: CodeTarget) {
    const code = newCode();
    this.ctx.sender.send(method === 'SMS' ? 'SMS' : 'EMAIL', to, code, {
      userId: binding.userId,
      host: hostnameOf(r, this.ctx.origins),
    });
    return { challengeId: this.ctx.codes.issue(binding, method, target, code) };
  }

  private readCode(r: ApiRequest): string {
    return new BodyReader(r.body).string('verificationCode', 16);
  }

  private async verifyCode(r: ApiRequest, caller: ClientCaller, method: CodeMethod): Promise<Verification> {
    const claims = RequestAuthenticator.tokenClaims(caller);
    const action = this.#actions.actionOf(claims);
    const code = this.readCode(r);
    const attempts = this.ctx.codes.attemptKey(
      claims,
      method,
      this.contactOf(claims.userId, method)?.userAuthenticatorId,
    );
    if (this.ctx.codes.isLocked(attempts)) return { isVerified: false, failureReason: 'MAX_ATTEMPTS_EXCEEDED' };
    const target = this.ctx.codes.take(claims, method, code);
    if (!target) return this.wrong(attempts);
    if ('enrollment' in target) return this.completeEnrollment(claims, action, target.enrollment);
    const authenticator = this.ctx.store
      .listAuthenticators(claims.userId)
      .find((a) => a.userAuthenticatorId === target.authenticatorId);
    // Deleted since the code went out: the code proves nothing any more.
    if (!authenticator) return this.wrong(attempts);
    this.ctx.store.updateAuthenticator(authenticator.userAuthenticatorId, (a) => (a.lastVerifiedAt = this.iso()));
    return { isVerified: true, accessToken: await this.#actions.succeed(action, authenticator) };
  }

  /** RFC 6238 (SHA-1, 6 digits, 30 s), one step either way; a step that already verified never again. */
  private async verifyTotp(r: ApiRequest, caller: ClientCaller): Promise<Verification> {
    const claims = RequestAuthenticator.tokenClaims(caller);
    const action = this.#actions.actionOf(claims);
    const code = this.readCode(r);
    const attempts = this.ctx.codes.attemptKey(claims, 'AUTHENTICATOR_APP');
    if (this.ctx.codes.isLocked(attempts)) return { isVerified: false, failureReason: 'MAX_ATTEMPTS_EXCEEDED' };
    const now = this.ctx.now();
    const stepOf = (secret: string) => {
      const delta = this.totp(secret).validate({ token: code, timestamp: now, window: 1 });
      return delta === null ? undefined : Math.floor(now / 1000 / TOTP_PERIOD_S) + delta;
    };
    const enrollment = this.ctx.codes.enrollment(claims, 'AUTHENTICATOR_APP');
    if (enrollment?.totpSecret) {
      const step = stepOf(enrollment.totpSecret);
      if (step !== undefined) return this.completeEnrollment(claims, action, enrollment, step);
    }
    for (const authenticator of this.ctx.store.listAuthenticators(claims.userId)) {
      if (authenticator.verificationMethod !== 'AUTHENTICATOR_APP' || !authenticator.totpSecret) continue;
      const step = stepOf(authenticator.totpSecret);
      if (step === undefined || step <= (authenticator.lastTotpStep ?? -1)) continue;
      this.ctx.store.updateAuthenticator(authenticator.userAuthenticatorId, (a) => {
        a.lastTotpStep = step;
        a.lastVerifiedAt = this.iso();
      });
      return { isVerified: true, accessToken: await this.#actions.succeed(action, authenticator) };
    }
    return this.wrong(attempts);
  }

  private wrong(attempts: string): Failure {
    const locked = this.ctx.codes.recordWrong(attempts);
    return { isVerified: false, failureReason: locked ? 'MAX_ATTEMPTS_EXCEEDED' : 'CODE_INVALID_OR_EXPIRED' };
  }

  /** A code verified a new authenticator: it exists from now on, and the action succeeded with it. */
  private async completeEnrollment(
    claims: TokenClaims,
    action: ActionRecord,
    enrollment: PendingEnrollment,
    totpStep?: number,
  ): Promise<Verification> {
    // Checked again: the user may have gained an authenticator since the enrollment started.
    this.#actions.requireAddScope(claims);
    const binding: ActionBinding = claims;
    const now = this.iso();
    const authenticator: AuthenticatorRecord = {
      userAuthenticatorId: enrollment.userAuthenticatorId,
      userId: binding.userId,
      verificationMethod: enrollment.method,
      createdAt: now,
      verifiedAt: now,
      ...(enrollment.email ? { email: enrollment.email } : {}),
      ...(enrollment.phoneNumber ? { phoneNumber: enrollment.phoneNumber } : {}),
      ...(enrollment.totpSecret ? { totpSecret: enrollment.totpSecret, lastTotpStep: totpStep } : {}),
    };
    this.ctx.store.addAuthenticator(authenticator);
    this.ctx.codes.finishEnrollment(binding, enrollment.method);
    const { userId: _userId, ...userAuthenticator } = authenticatorView(authenticator);
    return { isVerified: true, accessToken: await this.#actions.succeed(action, authenticator), userAuthenticator };
  }

  private totp(secret: string, label = 'user'): TOTP {
    return new TOTP({
      issuer: this.ctx.rpName,
      label,
      algorithm: 'SHA1',
      digits: 6,
      period: TOTP_PERIOD_S,
      secret: Secret.fromBase32(secret),
    });
  }
}
