import { randomUUID } from 'node:crypto';
import { VerificationMethod, type Authsignal } from '@authsignal/node';
import type { OutboxMessage } from '../../emulator/index.js';
import { RateLimiter } from '../../shared/rate-limiter.js';
import type { ApiRequest, ApiResponse, Router } from '../../shared/router.js';
import { type Account, type BankStore, type Transfer } from './bank-store.js';
import { parseAmount, parseRecipient, STARTING_BALANCE_CENTS, STEP_UP_THRESHOLD_CENTS, formatCents } from './money.js';
import type { PasswordHasher } from './password-hasher.js';
import { normalizeEmail, normalizePhoneNumber } from '../../shared/contact.js';
import { HttpError } from '../../shared/http-error.js';

export const SESSION_COOKIE = 'bank_session';
const ENROLL_ACTION = 'enroll-passkey';
const ADD_ACTION = 'add-authenticator';
const TRANSFER_ACTION = 'high-value-transfer';
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

/** A phone number in international (E.164) form, or a 400. */
function parsePhoneNumber(value: unknown): string {
  const phone = typeof value === 'string' ? normalizePhoneNumber(value) : undefined;
  if (!phone) {
    throw new HttpError(400, 'invalid_phone', 'Enter the phone number in international form, like +64 27 123 4567.');
  }
  return phone;
}

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
 * The demo bank's own backend. The browser is never trusted: every passkey result comes back as
 * a token that this server validates with Authsignal (or the emulator) before acting on it.
 */
export class DemoApi {
  private readonly loginLimiter = new RateLimiter(10, 60_000, Date.now);
  /** Passkey sign-ins name no username: limited per client address. */
  private readonly passkeyLoginLimiter = new RateLimiter(20, 60_000, Date.now);
  private readonly confirmLimiter: RateLimiter;
  /** Transfers whose confirmation is being validated right now: one at a time each. */
  private readonly confirming = new Set<string>();
  /** The phone number each account is adding right now (its code goes there): for the Dev inbox. */
  private readonly addingPhone = new Map<string, string>();

  constructor(
    private readonly store: BankStore,
    private readonly authsignal: Authsignal,
    private readonly hasher: PasswordHasher,
    private readonly browserConfig: (request: ApiRequest) => { tenantId: string; baseUrl: string },
    confirmsPerMinute = 10,
    /** The embedded emulator's outbox, for the Dev inbox; absent against real Authsignal. */
    private readonly devOutbox?: (to: string) => OutboxMessage[],
  ) {
    this.confirmLimiter = new RateLimiter(confirmsPerMinute, 60_000, Date.now);
  }

  register(router: Router): void {
    const authed =
      (handler: (account: Account, request: ApiRequest) => Promise<ApiResponse> | ApiResponse) =>
      (request: ApiRequest) =>
        handler(this.requireAccount(request), request);
    router
      .add('GET', '/api/config', (r) => ({ body: { ...this.browserConfig(r), devInbox: !!this.devOutbox } }))
      .add('POST', '/api/session', (r) => this.signIn(r))
      .add('POST', '/api/session/passkey', (r) => this.passkeySignIn(r))
      .add('DELETE', '/api/session', (r) => this.signOut(r))
      .add(
        'GET',
        '/api/account',
        authed((a) => this.account(a)),
      )
      .add(
        'POST',
        '/api/passkey/enroll',
        authed((a) => this.enrollToken(a)),
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
        'DELETE',
        '/api/passkeys/:id',
        authed((a, r) => this.deletePasskey(a, r)),
      )
      .add(
        'GET',
        '/api/authenticators',
        authed((a) => this.authenticators(a)),
      )
      .add(
        'POST',
        '/api/authenticators/token',
        authed((a, r) => this.addToken(a, r)),
      )
      .add(
        'GET',
        '/api/dev/inbox',
        authed((a) => this.devInbox(a)),
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

  private requireAccount(request: ApiRequest): Account {
    const account = this.store.accountForSession(cookieValue(request, SESSION_COOKIE));
    if (!account) throw new HttpError(401, 'not_signed_in', 'Please sign in.');
    return account;
  }

  /** The demo is served over http://localhost, so the cookie cannot be `Secure`; a deployment over https adds it. */
  private cookie(value: string, maxAgeSeconds: number): string {
    return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}`;
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
    if (!this.loginLimiter.allow(username)) {
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
    const emailReady = await this.recordEmail(account);
    const session = this.store.createSession(account.id);
    return {
      status: created ? 201 : 200,
      headers: { 'Set-Cookie': this.cookie(session, 12 * 60 * 60) },
      body: { username: account.username, created, ...(account.email ? { emailReady } : {}) },
    };
  }

  /**
   * The sign-up's email address becomes a verified email authenticator at Authsignal (the bank
   * vouches for it), so that a person without their passkey can confirm by email code. Tried again
   * at the next sign-in if Authsignal could not be reached; true once recorded.
   */
  private async recordEmail(account: Account): Promise<boolean> {
    if (!account.email) return false;
    if (account.emailRecorded) return true;
    try {
      await this.authsignal.enrollVerifiedAuthenticator({
        userId: account.id,
        attributes: { verificationMethod: VerificationMethod.EMAIL_OTP, email: account.email },
      });
    } catch (error) {
      console.error('[demo] could not record the email address at Authsignal:', (error as Error).message);
      return false;
    }
    this.store.markEmailRecorded(account.id);
    return true;
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
    const session = this.store.createPasskeySession(account.id, result.idempotencyKey!);
    if (!session) throw new HttpError(409, 'already_used', 'This sign-in was already used. Sign in again.');
    return {
      headers: { 'Set-Cookie': this.cookie(session, 12 * 60 * 60) },
      body: { username: account.username, created: false },
    };
  }

  private signOut(request: ApiRequest): ApiResponse {
    const session = cookieValue(request, SESSION_COOKIE);
    if (session) this.store.deleteSession(session);
    return { headers: { 'Set-Cookie': this.cookie('', 0) }, body: { signedOut: true } };
  }

  private account(account: Account): ApiResponse {
    return {
      body: {
        // The user id at Authsignal: the step-up's `user-id`, so that it can tell a device without a passkey.
        userId: account.id,
        username: account.username,
        balance: account.balanceCents / 100,
        transfers: this.store.transfersOf(account.id).map(transferView),
      },
    };
  }

  private async enrollToken(account: Account): Promise<ApiResponse> {
    const track = await this.authsignal.track({
      userId: account.id,
      action: ENROLL_ACTION,
      attributes: { scope: 'add:authenticators', username: account.username },
    });
    return { body: { token: track.token } };
  }

  private async validateEnrollment(account: Account, request: ApiRequest): Promise<ApiResponse> {
    const token = (request.body as Body).token;
    if (typeof token !== 'string' || token === '') throw new HttpError(400, 'invalid_token', 'A token is required.');
    const result = await this.authsignal.validateChallenge({ token, userId: account.id, action: ENROLL_ACTION });
    const isValid = result.isValid === true && result.state === 'CHALLENGE_SUCCEEDED' && result.userId === account.id;
    return { status: isValid ? 200 : 403, body: { isValid, state: result.state ?? null } };
  }

  private async passkeys(account: Account): Promise<ApiResponse> {
    const authenticators = await this.authsignal.getAuthenticators({ userId: account.id });
    return {
      body: authenticators
        .filter((a) => a.verificationMethod === 'PASSKEY')
        .map((a) => ({
          id: a.userAuthenticatorId,
          name: a.webauthnCredential?.name ?? 'Passkey',
          createdAt: a.createdAt,
          lastUsedAt: a.lastVerifiedAt ?? null,
        })),
    };
  }

  private async deletePasskey(account: Account, request: ApiRequest): Promise<ApiResponse> {
    const id = request.params.id!;
    const authenticators = await this.authsignal.getAuthenticators({ userId: account.id });
    if (!authenticators.some((a) => a.userAuthenticatorId === id)) {
      throw new HttpError(404, 'not_found', 'No such passkey on your account.');
    }
    await this.authsignal.deleteAuthenticator({ userId: account.id, userAuthenticatorId: id });
    return { body: { deleted: true } };
  }

  /** The account's other ways to confirm: its email address, phones and authenticator apps. */
  private async authenticators(account: Account): Promise<ApiResponse> {
    const authenticators = await this.authsignal.getAuthenticators({ userId: account.id });
    return {
      body: authenticators
        .filter((a) => a.verificationMethod !== VerificationMethod.PASSKEY)
        .map((a) => ({
          id: a.userAuthenticatorId,
          method: a.verificationMethod,
          label: a.email ?? a.phoneNumber ?? 'Authenticator app',
          createdAt: a.createdAt,
        })),
    };
  }

  /**
   * A token to add a phone (SMS) or an authenticator app from the browser, where the person proves
   * they hold it with a code. With `phoneNumber`, remembers it for the Dev inbox.
   */
  private async addToken(account: Account, request: ApiRequest): Promise<ApiResponse> {
    const { phoneNumber } = request.body as Body;
    if (phoneNumber !== undefined) this.addingPhone.set(account.id, parsePhoneNumber(phoneNumber));
    const track = await this.authsignal.track({
      userId: account.id,
      action: ADD_ACTION,
      attributes: { scope: 'add:authenticators', username: account.username },
    });
    return { body: { token: track.token } };
  }

  /**
   * Development only (the embedded emulator): the latest codes "sent" to this account's own
   * addresses, so that a person can try every path without a mailbox or a phone.
   */
  private async devInbox(account: Account): Promise<ApiResponse> {
    const outbox = this.devOutbox;
    if (!outbox) throw new HttpError(404, 'not_found', 'There is no Dev inbox against real Authsignal.');
    const authenticators = await this.authsignal.getAuthenticators({ userId: account.id });
    const addresses = new Set(
      [account.email, this.addingPhone.get(account.id), ...authenticators.map((a) => a.phoneNumber ?? a.email)].filter(
        (address): address is string => !!address,
      ),
    );
    const messages = [...addresses]
      .flatMap((to) => outbox(to))
      .sort((a, b) => b.sentAt.localeCompare(a.sentAt))
      .slice(0, INBOX_SIZE)
      .map(({ channel, to, code, sentAt }) => ({ channel, to, code, sentAt }));
    return { body: messages };
  }

  private async createTransfer(account: Account, request: ApiRequest): Promise<ApiResponse> {
    const body = request.body as Body;
    const recipient = parseRecipient(body.recipient);
    const amountCents = parseAmount(body.amount);
    if (amountCents > account.balanceCents) {
      throw new HttpError(400, 'insufficient_funds', `Your balance is ${formatCents(account.balanceCents)}.`);
    }
    if (amountCents <= STEP_UP_THRESHOLD_CENTS) {
      const transfer = this.store.addTransfer({
        id: randomUUID(),
        accountId: account.id,
        recipient,
        amountCents,
        status: 'executed',
      });
      return { status: 201, body: { id: transfer.id, status: 'executed', balance: this.balance(account) } };
    }
    const id = randomUUID();
    const track = await this.authsignal.track({
      userId: account.id,
      action: TRANSFER_ACTION,
      attributes: { idempotencyKey: id, custom: { amount: amountCents / 100, recipient } },
    });
    if (!track.isEnrolled) {
      throw new HttpError(
        409,
        'passkey_required',
        `Add a passkey or an email address to send more than ${formatCents(STEP_UP_THRESHOLD_CENTS)}.`,
        {
          offerEnrollment: true,
        },
      );
    }
    if (track.state === 'BLOCK') throw new HttpError(403, 'transfer_blocked', 'This transfer is not allowed.');
    this.store.addTransfer({
      id,
      accountId: account.id,
      recipient,
      amountCents,
      status: 'pending',
      idempotencyKey: track.idempotencyKey,
    });
    return {
      status: 202,
      body: { id, status: 'pending', requiresVerification: true, token: track.token, methods: methodsOf(track) },
    };
  }

  private pendingTransfer(account: Account, request: ApiRequest): Transfer {
    const transfer = this.store.getTransfer(account.id, request.params.id!);
    if (!transfer) throw new HttpError(404, 'not_found', 'No such transfer.');
    if (transfer.status !== 'pending' || !transfer.idempotencyKey) {
      throw new HttpError(409, 'not_pending', 'This transfer is not waiting for confirmation.');
    }
    return transfer;
  }

  /** A fresh token for a pending transfer (the first one expired, or the step-up was cancelled). */
  private async challengeTransfer(account: Account, request: ApiRequest): Promise<ApiResponse> {
    const transfer = this.pendingTransfer(account, request);
    const track = await this.authsignal.track({
      userId: account.id,
      action: TRANSFER_ACTION,
      attributes: { idempotencyKey: transfer.idempotencyKey },
    });
    return { body: { id: transfer.id, token: track.token, methods: methodsOf(track) } };
  }

  private async confirmTransfer(account: Account, request: ApiRequest): Promise<ApiResponse> {
    if (!this.confirmLimiter.allow(account.id)) {
      throw new HttpError(429, 'too_many_attempts', 'Too many confirmation attempts. Wait a minute and try again.');
    }
    const token = (request.body as Body).token;
    if (typeof token !== 'string' || token === '') throw new HttpError(400, 'invalid_token', 'A token is required.');
    const transfer = this.pendingTransfer(account, request);
    if (this.confirming.has(transfer.id)) {
      throw new HttpError(409, 'confirmation_in_progress', 'This transfer is already being confirmed.');
    }
    this.confirming.add(transfer.id);
    try {
      const result = await this.authsignal.validateChallenge({ token, userId: account.id, action: TRANSFER_ACTION });
      const verified =
        result.isValid === true &&
        result.state === 'CHALLENGE_SUCCEEDED' &&
        result.userId === account.id &&
        result.action === TRANSFER_ACTION &&
        result.idempotencyKey === transfer.idempotencyKey;
      if (!verified) {
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

  private balance(account: Account): number {
    return (this.store.getAccount(account.id)?.balanceCents ?? 0) / 100;
  }
}
