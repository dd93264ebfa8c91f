import { randomUUID } from 'node:crypto';
import type { Authsignal } from '@authsignal/node';
import type { OutboxMessage } from '../../emulator/index.js';
import { RateLimiter } from '../../shared/rate-limiter.js';
import type { ApiRequest, ApiResponse, Router } from '../../shared/router.js';
import {
  type Account,
  type AccountChange,
  type AuthsignalSession,
  type BankStore,
  type FactorMethod,
  type SecurityChange,
  type Transfer,
} from './bank-store.js';
import {
  parseAmount,
  parseRecipient,
  STARTING_BALANCE_CENTS,
  NO_FACTOR_DAILY_LIMIT_CENTS,
  formatCents,
} from './money.js';
import type { PasswordHasher } from './password-hasher.js';
import { normalizeEmail } from '../../shared/contact.js';
import { HttpError } from '../../shared/http-error.js';

export const SESSION_COOKIE = 'bank_session';
/** A change to the ways to confirm: each one its own action, tracked by the bank, keyed by the change's id. */
export const ADD_ACTION = 'add-authenticator';
export const REMOVE_ACTION = 'remove-authenticator';
/** A change must be completed within this long of starting it, the step-up included. */
const CHANGE_MAX_AGE_MS = 5 * 60_000;
const FACTOR_METHODS: readonly FactorMethod[] = ['PASSKEY', 'EMAIL_OTP', 'SMS', 'AUTHENTICATOR_APP'];
/** Every transfer, small ones too: the rules (demo/rules.json) decide which need a step-up. */
export const TRANSFER_ACTION = 'transfer';
export const CHANGE_PASSWORD_ACTION = 'change-password';
export const CLOSE_ACCOUNT_ACTION = 'close-account';
/**
 * The browser SDK's anonymous id (its `__as_aid` cookie), which Authsignal's rules know a device
 * by. The bank sets it at sign-in when the browser has none, and the SDK then reports the same id.
 */
export const DEVICE_COOKIE = '__as_aid';
const DEVICE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** What the rules block can still be done by phone. */
const CALL_US = 'Call us on 0800 000 000';
/** The action `<passkey-sign-in>` records (its default). */
const SIGN_IN_ACTION = 'signIn';
/** The Dev inbox shows this many of the latest codes. */
const INBOX_SIZE = 10;

interface Body {
  [key: string]: unknown;
}

const transferView = (t: Transfer) => ({
  id: t.id,
  recipient: t.recipient,
  amount: t.amountCents / 100,
  status: t.status,
  createdAt: t.createdAt,
  ...(t.executedAt ? { executedAt: t.executedAt } : {}),
});

/** An optional email address: undefined when absent, else a plausible address or a 400. */
function parseEmail(value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  const email = typeof value === 'string' && value.length <= 254 ? normalizeEmail(value) : undefined;
  if (!email) throw new HttpError(400, 'invalid_email', 'Enter an email address like ada@example.com.');
  return email.toLowerCase();
}

/** How the account's list names an authenticator. */
const labelOf = (a: {
  verificationMethod: string;
  email?: string;
  phoneNumber?: string;
  webauthnCredential?: { aaguidMapping?: { name?: string } };
}): string =>
  a.email ??
  a.phoneNumber ??
  (a.verificationMethod === 'PASSKEY' ? (a.webauthnCredential?.aaguidMapping?.name ?? 'Passkey') : 'Authenticator app');

const lastAuthenticator = () =>
  new HttpError(
    409,
    'last_authenticator',
    'This is your only way to confirm it is you: add another before removing it.',
  );

/** The methods `track` allows, in its order of preference: what the step-up element offers. */
const methodsOf = (track: { allowedVerificationMethods?: string[] }) => track.allowedVerificationMethods ?? ['PASSKEY'];

function cookieValue(request: ApiRequest, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/**
 * What Authsignal's rules know the browser by: the SDK's device id, the client address and user
 * agent. A missing or malformed device id is sent as none, which the rules count as a new device.
 */
function deviceOf(request: ApiRequest): { deviceId?: string; ipAddress: string; userAgent: string } {
  const deviceId = cookieValue(request, DEVICE_COOKIE);
  return {
    ...(deviceId && DEVICE_ID.test(deviceId) ? { deviceId } : {}),
    ipAddress: request.remoteAddress,
    userAgent: (request.headers['user-agent'] ?? '').slice(0, 512),
  };
}

/** A step-up's validation, as the bank accepts it: succeeded, this account's, this action's, this one. */
function confirms(
  result: Awaited<ReturnType<Authsignal['validateChallenge']>>,
  account: Account,
  action: string,
  idempotencyKey: string | undefined,
): boolean {
  return (
    result.isValid === true &&
    result.state === 'CHALLENGE_SUCCEEDED' &&
    result.userId === account.id &&
    result.action === action &&
    idempotencyKey !== undefined &&
    result.idempotencyKey === idempotencyKey
  );
}

/**
 * An Authsignal refusal (4xx: expired, revoked, used): not a failure of the bank's, and not of
 * Authsignal's. A 429 is not one: being rate limited says nothing of the session, and must not
 * sign anyone out.
 */
const refused = (error: unknown): boolean => {
  const status = (error as { name?: string; statusCode?: number }).statusCode;
  return (
    (error as Error).name === 'AuthsignalError' &&
    status !== undefined &&
    status >= 400 &&
    status < 500 &&
    status !== 429
  );
};

const requireToken = (token: unknown): string => {
  if (typeof token !== 'string' || token === '' || token.length > 4096) {
    throw new HttpError(400, 'invalid_token', 'A token is required.');
  }
  return token;
};

/**
 * The demo bank's own backend. The browser is never trusted: every passkey result comes back as
 * a token that this server validates with Authsignal (or the emulator) before acting on it.
 */
export class DemoApi {
  private readonly loginLimiter = new RateLimiter(10, 60_000, Date.now);
  /** Every password sign-in (and sign-up) costs a full scrypt: limited per client address too. */
  private readonly loginAddressLimiter: RateLimiter;
  /** Passkey sign-ins name no username: limited per client address. */
  private readonly passkeyLoginLimiter = new RateLimiter(20, 60_000, Date.now);
  private readonly confirmLimiter: RateLimiter;
  /** Transfers whose confirmation is being validated right now: one at a time each. */
  private readonly confirming = new Set<string>();
  /** What each rule that asked for a step-up says, by rule id (see `reasonOf`). */
  private readonly ruleReasons = new Map<string, string>();
  /** Accounts whose ways to confirm are being changed right now: one change at a time each. */
  private readonly changing = new Set<string>();

  constructor(
    private readonly store: BankStore,
    private readonly authsignal: Authsignal,
    private readonly hasher: PasswordHasher,
    private readonly browserConfig: (request: ApiRequest) => { tenantId: string; baseUrl: string },
    confirmsPerMinute = 10,
    /** The embedded emulator's outbox of one user's own actions, for the Dev inbox; absent against real Authsignal. */
    private readonly devOutbox?: (userId: string) => OutboxMessage[],
    signInsPerAddressPerMinute = 30,
    /**
     * The app client a passkey sign-in's Authsignal session is created for (`createSession`);
     * undefined: the bank keeps its own session only (real Authsignal without AUTHSIGNAL_CLIENT_ID).
     */
    private readonly sessionClientId?: string,
  ) {
    this.confirmLimiter = new RateLimiter(confirmsPerMinute, 60_000, Date.now);
    this.loginAddressLimiter = new RateLimiter(signInsPerAddressPerMinute, 60_000, Date.now);
  }

  register(router: Router): void {
    const authed =
      (handler: (account: Account, request: ApiRequest) => Promise<ApiResponse> | ApiResponse) =>
      async (request: ApiRequest) =>
        handler(await this.requireAccount(request), request);
    router
      .add('GET', '/api/config', (r) => ({ body: { ...this.browserConfig(r), devInbox: !!this.devOutbox } }))
      .add('POST', '/api/session', (r) => this.signIn(r))
      .add('POST', '/api/session/passkey', (r) => this.passkeySignIn(r))
      .add('DELETE', '/api/session', (r) => this.signOut(r))
      .add(
        'DELETE',
        '/api/sessions',
        authed((a) => this.signOutEverywhere(a)),
      )
      .add(
        'GET',
        '/api/account',
        authed((a) => this.account(a)),
      )
      .add(
        'POST',
        '/api/passkey/enroll',
        authed((a, r) => this.enrollToken(a, r)),
      )
      .add(
        'POST',
        '/api/passkey/validate',
        authed((a, r) => this.validateEnrollment(a, r)),
      )
      .add(
        'GET',
        '/api/passkeys',
        authed((a) => this.passkeys(a)),
      )
      .add(
        'GET',
        '/api/authenticators',
        authed((a) => this.authenticators(a)),
      )
      .add(
        'POST',
        '/api/security/token',
        authed((a) => this.securityToken(a)),
      )
      .add(
        'POST',
        '/api/security/changes',
        authed((a, r) => this.startChange(a, r)),
      )
      .add(
        'POST',
        '/api/security/changes/:id',
        authed((a, r) => this.completeChange(a, r)),
      )
      .add(
        'GET',
        '/api/security/activity',
        authed((a) => ({ body: this.store.securityActivityOf(a.id).map(({ accountId: _a, ...event }) => event) })),
      )
      .add(
        'GET',
        '/api/dev/inbox',
        authed((a) => this.devInbox(a)),
      )
      .add(
        'POST',
        '/api/account/password',
        authed((a, r) => this.startAccountChange(a, r, 'password')),
      )
      .add(
        'POST',
        '/api/account/password/:id',
        authed((a, r) => this.completeAccountChange(a, r, 'password')),
      )
      .add(
        'POST',
        '/api/account/close',
        authed((a, r) => this.startAccountChange(a, r, 'close')),
      )
      .add(
        'POST',
        '/api/account/close/:id',
        authed((a, r) => this.completeAccountChange(a, r, 'close')),
      )
      .add(
        'POST',
        '/api/transfers',
        authed((a, r) => this.createTransfer(a, r)),
      )
      .add(
        'POST',
        '/api/transfers/:id/challenge',
        authed((a, r) => this.challengeTransfer(a, r)),
      )
      .add(
        'POST',
        '/api/transfers/:id/confirm',
        authed((a, r) => this.confirmTransfer(a, r)),
      );
  }

  /** Refreshes in flight, by cookie: concurrent requests share one, since a refresh token works once. */
  private readonly refreshing = new Map<string, Promise<AuthsignalSession | undefined>>();

  /**
   * The signed-in account. A passkey sign-in's session also holds an Authsignal session, checked
   * on every request (`validateSession`): revoked there (sign out everywhere, Authsignal's portal),
   * it ends here too. An expired access token is refreshed once, and the rotated tokens kept.
   */
  private async requireAccount(request: ApiRequest): Promise<Account> {
    const cookie = cookieValue(request, SESSION_COOKIE);
    const found = this.store.sessionFor(cookie);
    if (!found) throw new HttpError(401, 'not_signed_in', 'Please sign in.');
    if (!found.authsignal || !this.sessionClientId) return found.account;
    if (await this.sessionOf(found.authsignal, found.account.id)) return found.account;
    const renewed = await this.renew(cookie!, found.authsignal);
    if (renewed && (await this.sessionOf(renewed, found.account.id))) return found.account;
    this.store.deleteSession(cookie!);
    throw new HttpError(401, 'not_signed_in', 'Your session has ended. Please sign in again.');
  }

  /** Whether Authsignal still holds this session, for this user; false for any refusal (4xx). */
  private async sessionOf(session: AuthsignalSession, userId: string): Promise<boolean> {
    try {
      const valid = await this.authsignal.validateSession({
        accessToken: session.accessToken,
        clientIds: [this.sessionClientId!],
      });
      return valid.user.userId === userId;
    } catch (error) {
      if (refused(error)) return false;
      throw error;
    }
  }

  /**
   * The session's tokens after `stale` failed: those another request has refreshed meanwhile, else
   * one refresh shared by every request that asks now. Decided synchronously, so that no two
   * requests ever present one refresh token (the second would revoke the session as a theft).
   */
  private renew(cookie: string, stale: AuthsignalSession): Promise<AuthsignalSession | undefined> {
    const inFlight = this.refreshing.get(cookie);
    if (inFlight) return inFlight;
    const current = this.store.sessionFor(cookie)?.authsignal;
    if (!current) return Promise.resolve(undefined);
    if (current.refreshToken !== stale.refreshToken) return Promise.resolve(current);
    const pending = this.refresh(cookie, current).finally(() => this.refreshing.delete(cookie));
    this.refreshing.set(cookie, pending);
    return pending;
  }

  /** New tokens for an expired access token, kept with the bank's session; undefined when refused. */
  private async refresh(cookie: string, session: AuthsignalSession): Promise<AuthsignalSession | undefined> {
    try {
      const { accessToken, refreshToken } = await this.authsignal.refreshSession({
        refreshToken: session.refreshToken,
      });
      const renewed = { accessToken, refreshToken };
      this.store.setSessionTokens(cookie, renewed);
      return renewed;
    } catch (error) {
      if (refused(error)) return undefined;
      throw error;
    }
  }

  /** Revokes Authsignal sessions the bank is dropping; one that cannot be revoked now expires on its own. */
  private async revoke(sessions: AuthsignalSession[]): Promise<void> {
    await Promise.all(
      sessions.map((s) =>
        this.authsignal.revokeSession({ accessToken: s.accessToken }).catch((error: unknown) => {
          console.error('[demo] could not revoke a session at Authsignal:', (error as Error).message);
        }),
      ),
    );
  }

  /** The demo is served over http://localhost, so the cookie cannot be `Secure`; a deployment over https adds it. */
  private cookie(value: string, maxAgeSeconds: number): string {
    return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}`;
  }

  /**
   * The device id for a browser that has none yet: readable by the page's script (the SDK reads
   * it, and reports it as the same device), and no secret: it names a device, it proves nothing.
   */
  private deviceCookie(request: ApiRequest): string[] {
    if (deviceOf(request).deviceId) return [];
    return [`${DEVICE_COOKIE}=${randomUUID()}; Path=/; SameSite=Lax; Max-Age=${400 * 24 * 60 * 60}`];
  }

  private async signIn(request: ApiRequest): Promise<ApiResponse> {
    const body = request.body as Body;
    const username = typeof body.username === 'string' ? body.username.trim().toLowerCase() : '';
    const password = typeof body.password === 'string' ? body.password : '';
    if (!/^[a-z0-9._@-]{3,32}$/.test(username)) {
      throw new HttpError(400, 'invalid_username', 'Use 3 to 32 letters, digits, or . _ @ - for the username.');
    }
    if (password.length < 8 || password.length > 128) {
      throw new HttpError(400, 'invalid_password', 'The password must have 8 to 128 characters.');
    }
    // Used only when this sign-in creates the account.
    const email = parseEmail(body.email);
    if (!this.loginLimiter.allow(username) || !this.loginAddressLimiter.allow(request.remoteAddress)) {
      throw new HttpError(429, 'too_many_attempts', 'Too many sign-in attempts. Wait a minute and try again.');
    }
    // One decision per username: the store creates the account only if nobody has, in one step.
    // A request that finds it (made before, or a moment ago by a concurrent first sign-in) is a
    // sign-in like any other and checks its own password against it.
    let account = this.store.findAccountByUsername(username);
    let created = false;
    if (!account) {
      const hash = await this.hasher.hash(password);
      ({ account, created } = this.store.createAccount(username, hash, STARTING_BALANCE_CENTS, email));
    }
    if (!created && !(await this.hasher.verify(password, account.passwordHash))) {
      throw new HttpError(401, 'invalid_credentials', 'The username or password is wrong.');
    }
    // The sign-up's email address is not a way to confirm yet: anyone can type anyone's address.
    // The security page adds it once the person proves it with a code (see startChange).
    const session = this.store.createSession(account.id);
    return {
      status: created ? 201 : 200,
      headers: { 'Set-Cookie': [this.cookie(session, 12 * 60 * 60), ...this.deviceCookie(request)] },
      body: { username: account.username, created },
    };
  }

  /**
   * Signs in with the token of `<passkey-sign-in>`. The user is the one Authsignal's validation
   * names, never one the browser sends; the token must be a succeeded `signIn` action, and each
   * sign-in (its action's idempotency key) starts one session only.
   */
  private async passkeySignIn(request: ApiRequest): Promise<ApiResponse> {
    const token = (request.body as Body).token;
    if (typeof token !== 'string' || token === '' || token.length > 4096) {
      throw new HttpError(400, 'invalid_token', 'A token is required.');
    }
    if (!this.passkeyLoginLimiter.allow(request.remoteAddress)) {
      throw new HttpError(429, 'too_many_attempts', 'Too many sign-in attempts. Wait a minute and try again.');
    }
    const result = await this.authsignal.validateChallenge({ token, action: SIGN_IN_ACTION });
    const verified =
      result.isValid === true &&
      result.state === 'CHALLENGE_SUCCEEDED' &&
      result.action === SIGN_IN_ACTION &&
      typeof result.userId === 'string' &&
      typeof result.idempotencyKey === 'string';
    const account = verified ? this.store.getAccount(result.userId!) : undefined;
    if (!account) {
      throw new HttpError(
        401,
        'invalid_passkey',
        'This passkey sign-in could not be verified. Sign in with your password.',
      );
    }
    // The session at Authsignal, from the validated token: a token starts one session only there too.
    let authsignal: AuthsignalSession | undefined;
    if (this.sessionClientId) {
      try {
        const { accessToken, refreshToken } = await this.authsignal.createSession({
          clientId: this.sessionClientId,
          token,
          action: SIGN_IN_ACTION,
        });
        authsignal = { accessToken, refreshToken };
      } catch (error) {
        if (!refused(error)) throw error;
        throw new HttpError(409, 'already_used', 'This sign-in was already used. Sign in again.');
      }
    }
    const session = this.store.createPasskeySession(account.id, result.idempotencyKey!, authsignal);
    if (!session) {
      if (authsignal) await this.revoke([authsignal]);
      throw new HttpError(409, 'already_used', 'This sign-in was already used. Sign in again.');
    }
    return {
      headers: { 'Set-Cookie': [this.cookie(session, 12 * 60 * 60), ...this.deviceCookie(request)] },
      body: { username: account.username, created: false },
    };
  }

  private async signOut(request: ApiRequest): Promise<ApiResponse> {
    const session = cookieValue(request, SESSION_COOKIE);
    const authsignal = this.store.sessionFor(session)?.authsignal;
    if (session) this.store.deleteSession(session);
    if (authsignal) await this.revoke([authsignal]);
    return { headers: { 'Set-Cookie': this.cookie('', 0) }, body: { signedOut: true } };
  }

  /** Every session of the account ends: the bank's, and the user's at Authsignal (`revokeUserSessions`). */
  private async signOutEverywhere(account: Account): Promise<ApiResponse> {
    this.store.deleteSessionsOf(account.id);
    if (this.sessionClientId) await this.authsignal.revokeUserSessions({ userId: account.id });
    return { headers: { 'Set-Cookie': this.cookie('', 0) }, body: { signedOut: true } };
  }

  private account(account: Account): ApiResponse {
    return {
      body: {
        // The user id at Authsignal: the step-up's `user-id`, so that it can tell a device without a passkey.
        userId: account.id,
        username: account.username,
        ...(account.email ? { email: account.email } : {}),
        balance: account.balanceCents / 100,
        transfers: this.store.transfersOf(account.id).map(transferView),
      },
    };
  }

  /**
   * `<passkey-enroll token-url>`: the account's first way to confirm only, right after sign-up.
   * An account that has one adds a passkey like any other change, behind a step-up.
   */
  private async enrollToken(account: Account, request: ApiRequest): Promise<ApiResponse> {
    const started = await this.beginChange(account, request, { kind: 'add', method: 'PASSKEY' });
    if (started.stepUp) {
      throw new HttpError(403, 'step_up_required', 'Confirm it is you first: add passkeys from the security page.');
    }
    return { body: { token: started.token } };
  }

  /** The enrollment's token (the change is the one its action names), and the passkey it added. */
  private async validateEnrollment(account: Account, request: ApiRequest): Promise<ApiResponse> {
    const { token, userAuthenticatorId } = request.body as Body;
    if (typeof token !== 'string' || token === '') throw new HttpError(400, 'invalid_token', 'A token is required.');
    const result = await this.authsignal.validateChallenge({ token, userId: account.id, action: ADD_ACTION });
    const change = result.idempotencyKey ? this.store.getChange(account.id, result.idempotencyKey) : undefined;
    if (!change || change.kind !== 'add' || change.method !== 'PASSKEY') {
      return { status: 403, body: { isValid: false, state: result.state ?? null } };
    }
    await this.finishChange(account, request, change, result, userAuthenticatorId);
    return { body: { isValid: true, state: result.state } };
  }

  private async passkeys(account: Account): Promise<ApiResponse> {
    const authenticators = await this.authsignal.getAuthenticators({ userId: account.id });
    return {
      body: authenticators
        .filter((a) => a.verificationMethod === 'PASSKEY')
        .map((a) => ({
          id: a.userAuthenticatorId,
          name: labelOf(a),
          createdAt: a.createdAt,
          lastUsedAt: a.lastVerifiedAt ?? null,
        })),
    };
  }

  /** Every way the account can confirm: passkeys, its email addresses, phones and authenticator apps. */
  private async authenticators(account: Account): Promise<ApiResponse> {
    const authenticators = await this.authsignal.getAuthenticators({ userId: account.id });
    return {
      body: authenticators.map((a) => ({
        id: a.userAuthenticatorId,
        method: a.verificationMethod,
        label: labelOf(a),
        createdAt: a.createdAt,
        lastUsedAt: a.lastVerifiedAt ?? null,
      })),
    };
  }

  /**
   * <passkey-manager>'s `token-url`: a token of this account's, with which the element reads its
   * authenticators at Authsignal. Tracked as an action of its own with the default scope (read
   * only): it may add nothing, and every change goes through `startChange`.
   */
  private async securityToken(account: Account): Promise<ApiResponse> {
    const track = await this.authsignal.track({ userId: account.id, action: 'view-authenticators' });
    return { body: { token: track.token } };
  }

  /**
   * Starts a change to the ways to confirm: `{ change: 'add', method }` or `{ change: 'remove',
   * authenticatorId }`. Answers `{ id, token, stepUp, methods }`: with `stepUp`, the token is a
   * step-up's (`<step-up-challenge>` with `methods`, the account's own), and only the token that
   * step-up answers may add; without, the account has no way to confirm yet and the token may add
   * its first.
   */
  private async startChange(account: Account, request: ApiRequest): Promise<ApiResponse> {
    const body = request.body as Body;
    if (body.change === 'add') {
      if (typeof body.method !== 'string' || !FACTOR_METHODS.includes(body.method as FactorMethod)) {
        throw new HttpError(400, 'invalid_method', `"method" must be one of ${FACTOR_METHODS.join(', ')}.`);
      }
      return {
        status: 201,
        body: await this.beginChange(account, request, { kind: 'add', method: body.method as FactorMethod }),
      };
    }
    if (body.change !== 'remove') throw new HttpError(400, 'invalid_change', '"change" must be "add" or "remove".');
    if (typeof body.authenticatorId !== 'string' || body.authenticatorId === '') {
      throw new HttpError(400, 'invalid_authenticator', 'Say which authenticator to remove.');
    }
    const authenticators = await this.authsignal.getAuthenticators({ userId: account.id });
    const target = authenticators.find((a) => a.userAuthenticatorId === body.authenticatorId);
    if (!target) throw new HttpError(404, 'not_found', 'No such way to confirm on your account.');
    if (authenticators.length === 1) throw lastAuthenticator();
    const started = await this.beginChange(
      account,
      request,
      {
        kind: 'remove',
        method: target.verificationMethod as FactorMethod,
        authenticatorId: target.userAuthenticatorId,
      },
      authenticators,
    );
    return { status: 201, body: started };
  }

  private async beginChange(
    account: Account,
    request: ApiRequest,
    what: Pick<SecurityChange, 'kind' | 'method' | 'authenticatorId'>,
    /** The account's authenticators, when the caller has just read them. */
    authenticators?: unknown[],
  ): Promise<{ id: string; token: string; stepUp: boolean; methods: string[] }> {
    const enrolled = (authenticators ?? (await this.authsignal.getAuthenticators({ userId: account.id }))).length > 0;
    const change: SecurityChange = {
      id: randomUUID(),
      accountId: account.id,
      ...what,
      stepUp: enrolled,
      createdAt: Date.now(),
    };
    const track = await this.authsignal.track({
      userId: account.id,
      action: what.kind === 'add' ? ADD_ACTION : REMOVE_ACTION,
      attributes: {
        idempotencyKey: change.id,
        username: account.username,
        ...deviceOf(request),
        // The first way to confirm only: after that, the step-up's own token is what may add.
        ...(enrolled ? {} : { scope: 'add:authenticators' }),
        custom: {
          change: what.kind,
          method: what.method,
          ...(what.authenticatorId ? { authenticatorId: what.authenticatorId } : {}),
        },
      },
    });
    if (track.state === 'BLOCK') throw new HttpError(403, 'change_blocked', 'This change is not allowed.');
    if (enrolled && track.state !== 'CHALLENGE_REQUIRED') {
      // Never a change without a step-up for an account that can confirm: Authsignal's rules for
      // these actions must challenge.
      console.error(`[demo] ${ADD_ACTION}/${REMOVE_ACTION} must answer CHALLENGE_REQUIRED; got ${track.state}`);
      throw new HttpError(503, 'misconfigured', 'Changes to how you confirm are unavailable right now.');
    }
    this.store.addChange(change);
    return { id: change.id, token: track.token, stepUp: enrolled, methods: enrolled ? methodsOf(track) : [] };
  }

  /**
   * Completes a change with the token of its step-up (remove; add after the new authenticator was
   * added with it) or of its first authenticator's enrollment: `{ token, userAuthenticatorId? }`.
   */
  private async completeChange(account: Account, request: ApiRequest): Promise<ApiResponse> {
    const change = this.store.getChange(account.id, request.params.id!);
    if (!change) throw new HttpError(404, 'not_found', 'No such change.');
    const { userAuthenticatorId } = request.body as Body;
    const token = requireToken((request.body as Body).token);
    const action = change.kind === 'add' ? ADD_ACTION : REMOVE_ACTION;
    const result = await this.authsignal.validateChallenge({ token, userId: account.id, action });
    return { body: await this.finishChange(account, request, change, result, userAuthenticatorId) };
  }

  /** The change, once `result` (the validation of its token) says its step-up or enrollment succeeded. */
  private async finishChange(
    account: Account,
    request: ApiRequest,
    change: SecurityChange,
    result: Awaited<ReturnType<Authsignal['validateChallenge']>>,
    userAuthenticatorId: unknown,
  ): Promise<{ done: true; kind: 'added' | 'removed'; method: FactorMethod; authenticatorId: string }> {
    const action = change.kind === 'add' ? ADD_ACTION : REMOVE_ACTION;
    if (!confirms(result, account, action, change.id))
      throw new HttpError(403, 'verification_failed', 'The confirmation is not valid for this change.');
    // One change per account at a time: two removals at once must not both find "not the last".
    if (this.changing.has(account.id)) {
      throw new HttpError(409, 'change_in_progress', 'Another change to your account is being made.');
    }
    this.changing.add(account.id);
    try {
      return await this.applyChange(account, request, change, result.verificationMethod, userAuthenticatorId);
    } finally {
      this.changing.delete(account.id);
    }
  }

  /** The change's step-up was valid: use it (once, in time), then make the change and record it. */
  private async applyChange(
    account: Account,
    request: ApiRequest,
    change: SecurityChange,
    confirmedBy: string | undefined,
    userAuthenticatorId: unknown,
  ): Promise<{ done: true; kind: 'added' | 'removed'; method: FactorMethod; authenticatorId: string }> {
    // Used before it is looked at: a change that fails below is spent too, and starts again.
    const used = this.store.useChange(account.id, change.id, CHANGE_MAX_AGE_MS);
    if (used === 'already-used') throw new HttpError(409, 'already_used', 'This change was already made.');
    if (used !== 'used') throw new HttpError(410, 'change_expired', 'This took too long. Start again.');
    const authenticators = await this.authsignal.getAuthenticators({ userId: account.id });
    const since = change.createdAt - 1000;
    const target =
      change.kind === 'remove'
        ? authenticators.find((a) => a.userAuthenticatorId === change.authenticatorId)
        : typeof userAuthenticatorId === 'string'
          ? authenticators.find((a) => a.userAuthenticatorId === userAuthenticatorId)
          : authenticators
              .filter((a) => a.verificationMethod === change.method && Date.parse(a.createdAt) >= since)
              .at(-1);
    if (!target) throw new HttpError(404, 'not_found', 'No such way to confirm on your account.');
    if (
      change.kind === 'add' &&
      (target.verificationMethod !== change.method || Date.parse(target.createdAt) < since)
    ) {
      // Added with this change's token, but not what the change was for: it does not stay.
      if (Date.parse(target.createdAt) >= since) {
        await this.authsignal.deleteAuthenticator({
          userId: account.id,
          userAuthenticatorId: target.userAuthenticatorId,
        });
      }
      throw new HttpError(403, 'verification_failed', 'The confirmation is not valid for this change.');
    }
    if (change.kind === 'add' && !change.stepUp && authenticators.length > 1) {
      // Started with no step-up because the account had no way to confirm, but it has one now (the
      // owner enrolled meanwhile): whatever this token added without a step-up does not stay.
      await this.authsignal.deleteAuthenticator({
        userId: account.id,
        userAuthenticatorId: target.userAuthenticatorId,
      });
      throw new HttpError(403, 'step_up_required', 'Your account can confirm already: start again, and confirm first.');
    }
    if (change.kind === 'remove') {
      if (authenticators.length === 1) throw lastAuthenticator();
      await this.authsignal.deleteAuthenticator({
        userId: account.id,
        userAuthenticatorId: target.userAuthenticatorId,
      });
    }
    const userAgent = (request.headers['user-agent'] ?? '').slice(0, 256);
    this.store.addSecurityEvent({
      accountId: account.id,
      kind: change.kind === 'add' ? 'added' : 'removed',
      method: change.method,
      label: labelOf(target),
      // The step-up's: adding with its token leaves the action's method as the step-up set it.
      confirmedBy: change.stepUp ? ((confirmedBy as FactorMethod | undefined) ?? null) : null,
      at: new Date().toISOString(),
      userAgent,
    });
    return {
      done: true,
      kind: change.kind === 'add' ? 'added' : 'removed',
      method: change.method,
      authenticatorId: target.userAuthenticatorId,
    };
  }

  /**
   * Development only (the embedded emulator): the latest codes "sent" to this account's own
   * addresses, so that a person can try every path without a mailbox or a phone.
   */
  private devInbox(account: Account): ApiResponse {
    const outbox = this.devOutbox;
    if (!outbox) throw new HttpError(404, 'not_found', 'There is no Dev inbox against real Authsignal.');
    // What was sent for this account's own actions, never what others sent to an address it shares.
    const messages = outbox(account.id)
      .slice(0, INBOX_SIZE)
      .map(({ channel, to, code, sentAt }) => ({ channel, to, code, sentAt }));
    return { body: messages };
  }

  /**
   * Every transfer is tracked, with what the rules need worked out in the step that holds its
   * money (`beginTransfer`): the amount, whether the recipient is new, and the 24-hour total with
   * this one. The rules (demo/rules.json, or the tenant's at Authsignal) decide: ALLOW executes
   * it, CHALLENGE leaves it pending a step-up bound to it, BLOCK refuses it, and moves nothing.
   */
  private async createTransfer(account: Account, request: ApiRequest): Promise<ApiResponse> {
    const body = request.body as Body;
    const recipient = parseRecipient(body.recipient);
    const amountCents = parseAmount(body.amount);
    const begun = this.store.beginTransfer(account.id, recipient, amountCents);
    if (begun === 'no-account') throw new HttpError(401, 'not_signed_in', 'Please sign in.');
    if (begun === 'insufficient-funds') {
      throw new HttpError(400, 'insufficient_funds', `Your balance is ${formatCents(account.balanceCents)}.`);
    }
    const { transfer, risk } = begun;
    let track;
    try {
      track = await this.authsignal.track({
        userId: account.id,
        action: TRANSFER_ACTION,
        attributes: {
          idempotencyKey: transfer.id,
          ...deviceOf(request),
          custom: {
            amount: amountCents / 100,
            recipient,
            isNewRecipient: risk.isNewRecipient,
            sentLast24h: risk.sentLast24hCents / 100,
          },
        },
      });
    } catch (error) {
      this.store.settleTransfer(account.id, transfer.id, 'dropped');
      throw error;
    }
    if (track.state === 'ALLOW' && !track.isEnrolled && risk.sentLast24hCents > NO_FACTOR_DAILY_LIMIT_CENTS) {
      // Nothing to step up with: an account with no way to confirm has a daily limit instead.
      this.store.settleTransfer(account.id, transfer.id, 'dropped');
      throw new HttpError(
        409,
        'passkey_required',
        `Add a passkey or an email address to send more than ${formatCents(NO_FACTOR_DAILY_LIMIT_CENTS)} in 24 hours.`,
        { offerEnrollment: true },
      );
    }
    if (track.state === 'ALLOW') {
      if (this.store.settleTransfer(account.id, transfer.id, 'executed') === 'insufficient-funds') {
        // Others sent at the same moment used the money first.
        const left = this.store.getAccount(account.id)?.balanceCents ?? 0;
        throw new HttpError(400, 'insufficient_funds', `Your balance is ${formatCents(left)}.`);
      }
      return { status: 201, body: { id: transfer.id, status: 'executed', balance: this.balance(account) } };
    }
    if (track.state !== 'CHALLENGE_REQUIRED') {
      this.store.settleTransfer(account.id, transfer.id, 'dropped');
      const reason = await this.reasonOf(account, TRANSFER_ACTION, track);
      if (track.state === 'BLOCK') {
        throw new HttpError(403, 'transfer_blocked', `This transfer cannot be made online. ${CALL_US} to send it.`, {
          ...(reason ? { reason } : {}),
        });
      }
      // REVIEW_REQUIRED: this bank has no review desk; the transfer is not made.
      throw new HttpError(403, 'transfer_held', `This transfer needs a review by our team. ${CALL_US}.`);
    }
    this.store.settleTransfer(account.id, transfer.id, 'pending', track.idempotencyKey);
    return {
      status: 202,
      body: {
        id: transfer.id,
        status: 'pending',
        requiresVerification: true,
        token: track.token,
        methods: methodsOf(track),
        ...(await this.reasonFor(account, TRANSFER_ACTION, track)),
      },
    };
  }

  /**
   * Why the rules asked, in the words of the rule that decided (its description, else its name):
   * what the step-up tells the person. None when the action's default decided.
   */
  private async reasonOf(
    account: Account,
    action: string,
    track: { idempotencyKey: string; ruleIds?: string[] },
  ): Promise<string | undefined> {
    const ruleId = track.ruleIds?.[0];
    if (!ruleId) return undefined;
    // A rule's words are the same for every action it decides: asked once per rule, not on every
    // transfer's way to its step-up. (A description edited at Authsignal shows after a restart.)
    if (!this.ruleReasons.has(ruleId)) {
      const { rules } = await this.authsignal.getAction({
        userId: account.id,
        action,
        idempotencyKey: track.idempotencyKey,
      });
      const rule = rules?.find((r) => r.ruleId === ruleId);
      if (!rule) return undefined;
      this.ruleReasons.set(ruleId, rule.description ?? rule.name);
    }
    return this.ruleReasons.get(ruleId);
  }

  private async reasonFor(account: Account, action: string, track: { idempotencyKey: string; ruleIds?: string[] }) {
    const reason = await this.reasonOf(account, action, track);
    return reason ? { reason } : {};
  }

  private pendingTransfer(account: Account, request: ApiRequest): Transfer {
    const transfer = this.store.getTransfer(account.id, request.params.id!);
    if (!transfer) throw new HttpError(404, 'not_found', 'No such transfer.');
    if (transfer.status !== 'pending' || !transfer.idempotencyKey) {
      throw new HttpError(409, 'not_pending', 'This transfer is not waiting for confirmation.');
    }
    return transfer;
  }

  /**
   * A fresh token for a pending transfer (the first one expired, or the step-up was cancelled):
   * the same action, whose rules decided when it was first tracked.
   */
  private async challengeTransfer(account: Account, request: ApiRequest): Promise<ApiResponse> {
    const transfer = this.pendingTransfer(account, request);
    const track = await this.authsignal.track({
      userId: account.id,
      action: TRANSFER_ACTION,
      attributes: { idempotencyKey: transfer.idempotencyKey },
    });
    return {
      body: {
        id: transfer.id,
        token: track.token,
        methods: methodsOf(track),
        ...(await this.reasonFor(account, TRANSFER_ACTION, track)),
      },
    };
  }

  private async confirmTransfer(account: Account, request: ApiRequest): Promise<ApiResponse> {
    if (!this.confirmLimiter.allow(account.id)) {
      throw new HttpError(429, 'too_many_attempts', 'Too many confirmation attempts. Wait a minute and try again.');
    }
    const token = requireToken((request.body as Body).token);
    const transfer = this.pendingTransfer(account, request);
    if (this.confirming.has(transfer.id)) {
      throw new HttpError(409, 'confirmation_in_progress', 'This transfer is already being confirmed.');
    }
    this.confirming.add(transfer.id);
    try {
      const result = await this.authsignal.validateChallenge({ token, userId: account.id, action: TRANSFER_ACTION });
      if (!confirms(result, account, TRANSFER_ACTION, transfer.idempotencyKey)) {
        throw new HttpError(403, 'verification_failed', 'The passkey confirmation is not valid for this transfer.');
      }
      const outcome = this.store.executePending(account.id, transfer.id);
      if (outcome === 'insufficient-funds') {
        throw new HttpError(409, 'insufficient_funds', `Your balance is ${formatCents(account.balanceCents)}.`);
      }
      if (outcome === 'not-pending') throw new HttpError(409, 'not_pending', 'This transfer was already executed.');
      return { body: { id: transfer.id, status: 'executed', balance: this.balance(account) } };
    } finally {
      this.confirming.delete(transfer.id);
    }
  }

  /**
   * A new password (`{ currentPassword, newPassword }`) or closing the account (`{ password }`):
   * the password first, then the rules of its own action (demo/rules.json: a step-up, for an
   * account that has a way to confirm). Answers 200 `{ done }` when the rules allow it now, or
   * 202 `{ id, token, methods, reason? }`: the step-up, whose token `POST …/{id}` validates.
   */
  private async startAccountChange(
    account: Account,
    request: ApiRequest,
    kind: AccountChange['kind'],
  ): Promise<ApiResponse> {
    const body = request.body as Body;
    const password = kind === 'password' ? body.currentPassword : body.password;
    if (typeof password !== 'string' || password === '' || password.length > 128) {
      throw new HttpError(400, 'invalid_password', 'Enter your current password.');
    }
    const next = body.newPassword;
    if (kind === 'password' && (typeof next !== 'string' || next.length < 8 || next.length > 128)) {
      throw new HttpError(400, 'invalid_new_password', 'The new password must have 8 to 128 characters.');
    }
    if (!this.loginLimiter.allow(account.username)) {
      throw new HttpError(429, 'too_many_attempts', 'Too many attempts. Wait a minute and try again.');
    }
    if (!(await this.hasher.verify(password, account.passwordHash))) {
      throw new HttpError(401, 'invalid_credentials', 'The password is wrong.');
    }
    const passwordHash = kind === 'password' ? await this.hasher.hash(next as string) : undefined;
    const change: AccountChange = {
      id: randomUUID(),
      accountId: account.id,
      kind,
      ...(passwordHash ? { passwordHash } : {}),
      createdAt: Date.now(),
    };
    const action = kind === 'password' ? CHANGE_PASSWORD_ACTION : CLOSE_ACCOUNT_ACTION;
    const track = await this.authsignal.track({
      userId: account.id,
      action,
      attributes: { idempotencyKey: change.id, ...deviceOf(request) },
    });
    if (track.state === 'BLOCK' || track.state === 'REVIEW_REQUIRED') {
      throw new HttpError(403, 'change_blocked', `This cannot be done online. ${CALL_US}.`);
    }
    this.store.addAccountChange(change);
    if (track.state === 'ALLOW') return this.applyAccountChange(account, request, change);
    return {
      status: 202,
      body: {
        id: change.id,
        token: track.token,
        methods: methodsOf(track),
        ...(await this.reasonFor(account, action, track)),
      },
    };
  }

  /** The step-up of a new password or a closure: validated, bound to that change, used once. */
  private async completeAccountChange(
    account: Account,
    request: ApiRequest,
    kind: AccountChange['kind'],
  ): Promise<ApiResponse> {
    const change = this.store.getAccountChange(account.id, request.params.id!);
    if (!change || change.kind !== kind) throw new HttpError(404, 'not_found', 'No such change.');
    const token = requireToken((request.body as Body).token);
    const action = kind === 'password' ? CHANGE_PASSWORD_ACTION : CLOSE_ACCOUNT_ACTION;
    const result = await this.authsignal.validateChallenge({ token, userId: account.id, action });
    if (!confirms(result, account, action, change.id)) {
      throw new HttpError(403, 'verification_failed', 'The confirmation is not valid for this change.');
    }
    return this.applyAccountChange(account, request, change);
  }

  private async applyAccountChange(account: Account, request: ApiRequest, change: AccountChange): Promise<ApiResponse> {
    const session = cookieValue(request, SESSION_COOKIE);
    // A new password ends the other sessions: those at Authsignal too (closing deletes the user there).
    const ending = this.store.authsignalSessionsOf(account.id, session);
    const used = this.store.applyAccountChange(account.id, change.id, CHANGE_MAX_AGE_MS, session);
    if (used === 'already-used') throw new HttpError(409, 'already_used', 'This change was already made.');
    if (used !== 'used') throw new HttpError(410, 'change_expired', 'This took too long. Start again.');
    if (change.kind === 'password') {
      await this.revoke(ending);
      return { body: { done: true, kind: 'password' } };
    }
    // Closed: the user goes at Authsignal too, with their ways to confirm, so that none signs anyone in.
    await this.authsignal.deleteUser({ userId: account.id });
    return { headers: { 'Set-Cookie': this.cookie('', 0) }, body: { done: true, kind: 'close' } };
  }

  private balance(account: Account): number {
    return (this.store.getAccount(account.id)?.balanceCents ?? 0) / 100;
  }
}
