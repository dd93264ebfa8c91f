import { ApiError } from './api-error.js';
import { BodyReader } from './body-reader.js';
import { parseEmail, parsePhoneNumber } from './contact.js';
import type { EmulatorContext } from './emulator-context.js';
import { ACTION_STATES, type UserRecord } from './model.js';
import type { ApiRequest, Router } from '../shared/router.js';
import { addServerRoutes } from './request-authenticator.js';
import { enrolledMethods } from './verification-methods.js';

const MAX_PAGE = 100;

/** The users part of the server API: `getUser`, `updateUser`, `deleteUser`, `queryUsers`, `queryUserActions`. */
export class UserApi {
  constructor(private readonly ctx: EmulatorContext) {}

  register(router: Router): void {
    addServerRoutes(router, this.ctx, [
      ['GET', '/v1/users', (r) => this.queryUsers(r)],
      ['GET', '/v1/users/:userId', (r) => this.getUser(r)],
      ['PATCH', '/v1/users/:userId', (r) => this.updateUser(r)],
      ['DELETE', '/v1/users/:userId', (r) => this.deleteUser(r)],
      ['GET', '/v1/users/:userId/actions', (r) => this.queryUserActions(r)],
    ]);
  }

  /**
   * A user's contact details as Authsignal reports them: an email or phone authenticator's is
   * verified; otherwise what `updateUser` (or `track`) set, verified only if it said so.
   */
  private contactOf(userId: string, user: UserRecord | undefined) {
    const authenticators = this.ctx.store.listAuthenticators(userId);
    const email = authenticators.find((a) => a.email)?.email;
    const phoneNumber = authenticators.find((a) => a.phoneNumber)?.phoneNumber;
    return {
      authenticators,
      ...((email ?? user?.email) ? { email: email ?? user?.email } : {}),
      emailVerified: email !== undefined || (user?.email !== undefined && user.emailVerified === true),
      ...((phoneNumber ?? user?.phoneNumber) ? { phoneNumber: phoneNumber ?? user?.phoneNumber } : {}),
      phoneNumberVerified:
        phoneNumber !== undefined || (user?.phoneNumber !== undefined && user.phoneNumberVerified === true),
    };
  }

  private getUser(r: ApiRequest): unknown {
    const userId = r.params.userId!;
    const user = this.ctx.store.getUser(userId);
    const { authenticators, ...contact } = this.contactOf(userId, user);
    const methods = enrolledMethods(authenticators);
    return {
      isEnrolled: authenticators.length > 0,
      ...contact,
      ...(user?.username ? { username: user.username } : {}),
      ...(user?.displayName ? { displayName: user.displayName } : {}),
      ...(user?.custom ? { custom: user.custom } : {}),
      enrolledVerificationMethods: methods,
      allowedVerificationMethods: methods,
    };
  }

  /** Sets the attributes given (creating the user if new) and answers the user's attributes. */
  private updateUser(r: ApiRequest): unknown {
    const userId = r.params.userId!;
    const body = new BodyReader(r.body);
    const bool = (name: string): boolean | undefined => {
      const value = body.raw()[name];
      if (value !== undefined && typeof value !== 'boolean')
        throw ApiError.badRequest(`"${name}" must be true or false.`);
      return value as boolean | undefined;
    };
    const email = body.optionalString('email', 254);
    const phoneNumber = body.optionalString('phoneNumber', 20);
    const custom = body.optionalObject('custom');
    const locale = body.optionalString('locale', 35);
    if (locale !== undefined && !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale)) {
      throw ApiError.badRequest('"locale" must be a language tag such as "en" or "pt-BR".');
    }
    const attributes: Partial<Omit<UserRecord, 'userId' | 'createdAt'>> = {
      email: email === undefined ? undefined : parseEmail(email),
      emailVerified: bool('emailVerified'),
      phoneNumber: phoneNumber === undefined ? undefined : parsePhoneNumber(phoneNumber),
      phoneNumberVerified: bool('phoneNumberVerified'),
      username: body.optionalString('username'),
      displayName: body.optionalString('displayName'),
      custom: custom === undefined ? undefined : { ...this.ctx.store.getUser(userId)?.custom, ...custom },
      locale,
    };
    const user = this.ctx.store.upsertUser(userId, attributes, new Date(this.ctx.now()).toISOString());
    const { userId: _id, createdAt: _created, ...rest } = user;
    return rest;
  }

  /** Removes the user, their authenticators and their actions: tokens of theirs no longer validate. */
  private deleteUser(r: ApiRequest): unknown {
    if (!this.ctx.store.deleteUser(r.params.userId!)) throw ApiError.notFound('No such user.');
    return {};
  }

  /**
   * Users by username, email or phone number (exact; all of them when none is given), or the user
   * of a client `token` (with its payload), in pages of `limit` (at most 100) after `lastEvaluatedUserId`.
   */
  private async queryUsers(r: ApiRequest): Promise<unknown> {
    const q = (name: string) => r.query.get(name) ?? undefined;
    const limitText = q('limit');
    const limit = limitText === undefined ? MAX_PAGE : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
      throw ApiError.badRequest(`"limit" must be a whole number 1–${MAX_PAGE}.`);
    }
    let tokenPayload: Record<string, unknown> | undefined;
    const token = q('token');
    if (token !== undefined) {
      const claims = await this.ctx.tokens.verify(token).catch((error: unknown) => {
        if (error instanceof ApiError) throw ApiError.badRequest(`"token" is not a valid token: ${error.description}`);
        throw error;
      });
      tokenPayload = {
        sub: claims.userId,
        actionCode: claims.actionCode,
        idempotencyKey: claims.idempotencyKey,
        scope: claims.scopes.join(' '),
      };
    }
    const email = q('email')?.toLowerCase();
    const after = q('lastEvaluatedUserId');
    const matching = this.ctx.store
      .listUsers()
      .map((user) => ({ user, contact: this.contactOf(user.userId, user) }))
      .filter(
        ({ user, contact }) =>
          (q('username') === undefined || user.username === q('username')) &&
          (email === undefined || contact.email?.toLowerCase() === email) &&
          (q('phoneNumber') === undefined || contact.phoneNumber === q('phoneNumber')) &&
          (tokenPayload === undefined || user.userId === tokenPayload.sub) &&
          (after === undefined || user.userId > after),
      );
    const page = matching.slice(0, limit);
    return {
      users: page.map(({ user, contact: { authenticators: _a, ...contact } }) => ({
        userId: user.userId,
        ...contact,
        ...(user.username ? { username: user.username } : {}),
      })),
      ...(matching.length > limit ? { lastEvaluatedUserId: page.at(-1)!.user.userId } : {}),
      ...(tokenPayload ? { tokenPayload } : {}),
    };
  }

  /** The user's actions, newest first, from `fromDate`, of some action `codes`, in one `state`. */
  private queryUserActions(r: ApiRequest): unknown {
    const fromDate = r.query.get('fromDate');
    const from = fromDate === null ? -Infinity : Date.parse(fromDate);
    if (Number.isNaN(from)) throw ApiError.badRequest('"fromDate" must be a date such as 2026-12-01T00:00:00Z.');
    const codes = (r.query.get('codes') ?? '').split(',').filter(Boolean);
    const state = r.query.get('state');
    if (state !== null && !(ACTION_STATES as readonly string[]).includes(state)) {
      throw ApiError.badRequest(`"state" must be one of ${ACTION_STATES.join(', ')}.`);
    }
    return this.ctx.store
      .actionsOf(r.params.userId!)
      .filter(
        (a) =>
          Date.parse(a.createdAt) >= from &&
          (codes.length === 0 || codes.includes(a.actionCode)) &&
          (state === null || a.state === state),
      )
      .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
      .map((a) => ({
        actionCode: a.actionCode,
        idempotencyKey: a.idempotencyKey,
        createdAt: a.createdAt,
        updatedAt: a.stateUpdatedAt,
        state: a.state,
        stateUpdatedAt: a.stateUpdatedAt,
        ...(a.verificationMethod ? { verificationMethod: a.verificationMethod } : {}),
        ...(a.verifiedByAuthenticatorId ? { verifiedByAuthenticatorId: a.verifiedByAuthenticatorId } : {}),
      }));
  }
}
