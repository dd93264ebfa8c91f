import { randomUUID } from 'node:crypto';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import { decide } from './rule-engine.js';
import { ApiError } from './api-error.js';
import { BodyReader } from './body-reader.js';
import type { PendingChallenge } from './challenge-registry.js';
import type { EmulatorContext } from './emulator-context.js';
import type { ActionBinding, ActionRecord, AuthenticatorRecord } from './model.js';
import type { ApiRequest, Router } from '../shared/router.js';
import { RequestAuthenticator, type ClientCaller } from './request-authenticator.js';
import { authenticatorView } from './server-api.js';
import { ClientActions } from './client-actions.js';
import { methodsView } from './verification-methods.js';
import { maskEmail, maskPhoneNumber } from './contact.js';

/** Action code of a discoverable sign-in started without `/client/challenge`. */
export const DEFAULT_SIGN_IN_ACTION = 'signInWithPasskey';

const sameAction = (c: PendingChallenge, t: ActionBinding): boolean =>
  c.userId === t.userId && c.actionCode === t.actionCode && c.idempotencyKey === t.idempotencyKey;

/** The API browsers call through `@authsignal/browser`. */
export class ClientApi {
  readonly #actions: ClientActions;

  constructor(private readonly ctx: EmulatorContext) {
    this.#actions = new ClientActions(ctx);
  }

  private iso(): string {
    return new Date(this.ctx.now()).toISOString();
  }

  register(router: Router): void {
    const wrap = this.#actions.route;
    const base = '/v1/client/user-authenticators/passkey';
    for (const suffix of ['', '/web']) {
      router
        .add(
          'POST',
          `${base}/registration-options${suffix}`,
          wrap((r, c) => this.registrationOptions(r, c)),
        )
        .add(
          'POST',
          `${base}/authentication-options${suffix}`,
          wrap((r, c) => this.authenticationOptions(r, c)),
        )
        .add(
          'POST',
          `/v1/client/challenge${suffix}`,
          wrap((r, c) => this.challenge(r, c)),
        );
    }
    router
      .add(
        'POST',
        base,
        wrap((r, c) => this.addPasskey(r, c)),
      )
      .add(
        'POST',
        '/v1/client/verify/passkey',
        wrap((r, c) => this.verifyPasskey(r, c)),
      )
      .add(
        'GET',
        base,
        wrap((r, c) => this.lookupPasskey(r, c)),
      )
      .add(
        'GET',
        '/v1/client/user-authenticators',
        wrap(async (_r, c) => this.userAuthenticators(c)),
      )
      .add(
        'POST',
        '/v1/client/init',
        wrap(async (r, c) => this.init(r, c)),
      );
  }

  /**
   * What a challenge UI needs before it shows anything (`@authsignal/react` asks it first): the
   * methods the token's action permits and the user has, the default one, and where codes go
   * (masked, as the screen that shows them needs no more).
   */
  private init(r: ApiRequest, caller: ClientCaller): unknown {
    const claims = RequestAuthenticator.tokenClaims(caller);
    const action = this.#actions.actionOf(claims);
    const authenticators = this.ctx.store.listAuthenticators(claims.userId);
    const { allowedVerificationMethods, defaultVerificationMethod } = methodsView(
      { methods: action.permittedMethods, defaultMethod: action.defaultMethod },
      authenticators,
    );
    const email = authenticators.filter((a) => a.verificationMethod === 'EMAIL_OTP').at(-1)?.email;
    const phoneNumber = authenticators.filter((a) => a.verificationMethod === 'SMS').at(-1)?.phoneNumber;
    const bearer = /^Bearer\s+(\S+)$/i.exec(r.headers.authorization ?? '')![1]!;
    return {
      challengeOptions: {
        token: bearer,
        verificationMethods: allowedVerificationMethods,
        ...(defaultVerificationMethod ? { defaultVerificationMethod } : {}),
        // Masked: a track token reaches a browser before anyone has proved anything.
        user: {
          ...(email ? { email: maskEmail(email) } : {}),
          ...(phoneNumber ? { phoneNumber: maskPhoneNumber(phoneNumber) } : {}),
        },
      },
    };
  }

  /**
   * The token's user's authenticators, as newer SDKs read them (`getAuthenticators`): Authsignal's
   * `Authenticator` shape, without the user id. Any token of the user's (every one carries
   * `read:authenticators`); never the bare tenant id, which names nobody.
   */
  private userAuthenticators(caller: ClientCaller): unknown {
    const claims = RequestAuthenticator.tokenClaims(caller);
    this.#actions.actionOf(claims);
    if (!claims.scopes.includes('read:authenticators')) {
      throw new ApiError(403, 'insufficient_scope', 'The token lacks the "read:authenticators" scope.');
    }
    return this.ctx.store.listAuthenticators(claims.userId).map((a) => {
      const { userId: _userId, ...view } = authenticatorView(a);
      return view;
    });
  }

  private async registrationOptions(r: ApiRequest, caller: ClientCaller): Promise<unknown> {
    const claims = RequestAuthenticator.tokenClaims(caller);
    this.#actions.actionOf(claims);
    this.#actions.requireAddScope(claims);
    const body = new BodyReader(r.body);
    const attachment = body.optionalString('authenticatorAttachment');
    if (attachment !== undefined && attachment !== 'platform' && attachment !== 'cross-platform') {
      throw ApiError.badRequest('"authenticatorAttachment" must be "platform" or "cross-platform".');
    }
    const user = this.ctx.store.getUser(claims.userId);
    const userName = body.optionalString('username') ?? user?.username ?? user?.email ?? claims.userId;
    const displayName = body.optionalString('displayName') ?? user?.displayName ?? userName;
    if (body.optionalString('username') && user) {
      this.ctx.store.upsertUser(claims.userId, { username: userName, displayName }, this.iso());
    }
    const options = await this.ctx.verifier.registrationOptions({
      userId: claims.userId,
      userName,
      displayName,
      attachment,
      exclude: this.ctx.store.passkeysOf(claims.userId),
    });
    const challenge = this.ctx.challenges.create({
      purpose: 'register',
      userId: claims.userId,
      actionCode: claims.actionCode,
      idempotencyKey: claims.idempotencyKey,
      webauthnChallenge: options.challenge,
    });
    return { challengeId: challenge.challengeId, options };
  }

  private async addPasskey(r: ApiRequest, caller: ClientCaller): Promise<unknown> {
    const claims = RequestAuthenticator.tokenClaims(caller);
    const body = new BodyReader(r.body);
    const credential = body.object<RegistrationResponseJSON>('registrationCredential');
    const challengeId = body.string('challengeId');
    const challenge = this.ctx.challenges.consume(challengeId);
    if (!challenge || challenge.purpose !== 'register' || !challenge.webauthnChallenge) {
      throw ApiError.invalidChallenge('The registration challenge is unknown, expired or already used.');
    }
    if (!sameAction(challenge, claims)) {
      throw ApiError.invalidChallenge('The registration challenge was issued for another token.');
    }
    const action = this.#actions.actionOf(claims);
    this.#actions.requireAddScope(claims);
    const verified = await this.ctx.verifier.verifyRegistration(credential, challenge.webauthnChallenge);
    if (this.ctx.store.findAuthenticatorByCredentialId(verified.credentialId)) {
      throw new ApiError(400, 'already_registered', 'This passkey is already registered.');
    }
    const now = this.iso();
    const authenticator: AuthenticatorRecord = {
      userAuthenticatorId: randomUUID(),
      userId: claims.userId,
      verificationMethod: 'PASSKEY',
      createdAt: now,
      verifiedAt: now,
      webauthnCredential: { ...verified, name: 'Passkey', deviceId: undefined },
    };
    this.ctx.store.addAuthenticator(authenticator);
    const accessToken = await this.#actions.succeed(action, authenticator);
    const { userId: _userId, ...userAuthenticator } = authenticatorView(authenticator);
    return {
      isVerified: true,
      accessToken,
      userAuthenticatorId: authenticator.userAuthenticatorId,
      userId: claims.userId,
      userAuthenticator,
    };
  }

  private async challenge(r: ApiRequest, caller: ClientCaller): Promise<unknown> {
    if (caller.kind !== 'tenant') {
      throw ApiError.badRequest('/client/challenge starts a sign-in without a token; send the tenant id (Basic).');
    }
    const body = new BodyReader(r.body);
    const challenge = this.ctx.challenges.create({
      purpose: 'authenticate',
      actionCode: body.string('action'),
      idempotencyKey: body.optionalString('idempotencyKey'),
    });
    return { challengeId: challenge.challengeId };
  }

  private async authenticationOptions(r: ApiRequest, caller: ClientCaller): Promise<unknown> {
    const body = new BodyReader(r.body);
    if (caller.kind === 'token') {
      const { claims } = caller;
      this.#actions.actionOf(claims);
      const passkeys = this.ctx.store.passkeysOf(claims.userId);
      if (passkeys.length === 0) {
        throw new ApiError(400, 'credential_not_found', 'The user has no passkey to sign in with.');
      }
      const options = await this.ctx.verifier.authenticationOptions(passkeys);
      const challenge = this.ctx.challenges.create({
        purpose: 'authenticate',
        userId: claims.userId,
        actionCode: claims.actionCode,
        idempotencyKey: claims.idempotencyKey,
        webauthnChallenge: options.challenge,
      });
      return { challengeId: challenge.challengeId, options };
    }
    const options = await this.ctx.verifier.authenticationOptions([]);
    const challengeId = body.optionalString('challengeId');
    if (challengeId) {
      const pending = this.ctx.challenges.peek(challengeId);
      if (!pending || pending.purpose !== 'authenticate' || pending.userId !== undefined) {
        throw ApiError.invalidChallenge('The challenge is unknown, expired or already used.');
      }
      pending.webauthnChallenge = options.challenge;
      return { challengeId, options };
    }
    const created = this.ctx.challenges.create({
      purpose: 'authenticate',
      actionCode: DEFAULT_SIGN_IN_ACTION,
      webauthnChallenge: options.challenge,
    });
    return { challengeId: created.challengeId, options };
  }

  private async verifyPasskey(r: ApiRequest, caller: ClientCaller): Promise<unknown> {
    const body = new BodyReader(r.body);
    const credential = body.object<AuthenticationResponseJSON>('authenticationCredential');
    const challengeId = body.string('challengeId');
    const deviceId = body.optionalString('deviceId');
    if (typeof credential.id !== 'string' || typeof credential.response !== 'object' || credential.response === null) {
      throw ApiError.badRequest('"authenticationCredential" is not a WebAuthn assertion.');
    }
    const challenge = this.ctx.challenges.consume(challengeId);
    if (!challenge || challenge.purpose !== 'authenticate' || !challenge.webauthnChallenge) {
      throw ApiError.invalidChallenge('The challenge is unknown, expired or already used.');
    }
    let action: ActionRecord | undefined;
    if (caller.kind === 'token') {
      if (!sameAction(challenge, caller.claims)) {
        throw ApiError.invalidChallenge('The challenge was issued for another token.');
      }
      action = this.#actions.actionOf(caller.claims);
    } else if (challenge.userId !== undefined) {
      throw ApiError.invalidChallenge('This challenge belongs to a token; send that token.');
    }
    const authenticator = this.ctx.store.findAuthenticatorByCredentialId(credential.id);
    const passkey = authenticator?.webauthnCredential;
    if (!authenticator || !passkey) throw ApiError.invalidCredential('The passkey is not registered.');
    if (action && authenticator.userId !== action.userId) {
      throw ApiError.invalidCredential('The passkey belongs to another user.');
    }
    const userHandle = credential.response.userHandle;
    if (userHandle && isoBase64URL.toUTF8String(userHandle) !== authenticator.userId) {
      throw ApiError.invalidCredential('The passkey user handle does not match its user.');
    }
    const newCounter = await this.ctx.verifier.verifyAuthentication(credential, challenge.webauthnChallenge, passkey);
    const now = this.iso();
    this.ctx.store.updateAuthenticator(authenticator.userAuthenticatorId, (a) => {
      a.webauthnCredential!.counter = newCounter;
      a.lastVerifiedAt = now;
      if (deviceId) a.webauthnCredential!.deviceId = deviceId;
    });
    if (!action) {
      const idempotencyKey = challenge.idempotencyKey ?? randomUUID();
      action = this.ctx.store.getAction(authenticator.userId, challenge.actionCode, idempotencyKey) ?? {
        userId: authenticator.userId,
        actionCode: challenge.actionCode,
        idempotencyKey,
        state: 'CHALLENGE_REQUIRED',
        createdAt: now,
        stateUpdatedAt: now,
        attributes: {},
      };
      if (action.state === 'BLOCK' || decide(this.ctx.rules, action.actionCode, undefined).type === 'BLOCK') {
        throw new ApiError(403, 'action_blocked', 'This action is blocked and cannot be completed.');
      }
    }
    const accessToken = await this.#actions.succeed(action, authenticator);
    const user = this.ctx.store.getUser(authenticator.userId);
    return {
      isVerified: true,
      accessToken,
      userId: authenticator.userId,
      userAuthenticatorId: authenticator.userAuthenticatorId,
      ...(user?.username ? { username: user.username } : {}),
      ...(user?.displayName ? { userDisplayName: user.displayName } : {}),
    };
  }

  private async lookupPasskey(r: ApiRequest, _caller: ClientCaller): Promise<unknown> {
    const ids = (r.query.get('credentialIds') ?? '').split(',').filter(Boolean);
    for (const id of ids) {
      const found = this.ctx.store.findAuthenticatorByCredentialId(id);
      if (found) return { credentialId: id, verifiedAt: found.lastVerifiedAt ?? found.verifiedAt };
    }
    throw ApiError.notFound('None of these passkeys is registered.');
  }
}
