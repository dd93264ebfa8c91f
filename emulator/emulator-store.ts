import { JsonDocument } from '../shared/json-document.js';
import type {
  ActionRecord,
  AuthenticatorRecord,
  PasskeyCredentialRecord,
  SessionRecord,
  StoreData,
  UserRecord,
} from './model.js';

const emptyData = (): StoreData => ({ version: 1, users: {}, authenticators: [], actions: {} });

const actionKey = (userId: string, actionCode: string, idempotencyKey: string): string =>
  JSON.stringify([userId, actionCode, idempotencyKey]);

/**
 * Users, authenticators and actions. With a data file, every change is written before the
 * response leaves (temp file, fsync, rename), so a crash leaves either the old or the new file,
 * never half of one; a change whose write fails is not kept in memory either.
 */
export class EmulatorStore {
  private readonly document: JsonDocument<StoreData>;

  constructor(path?: string) {
    this.document = new JsonDocument(path, emptyData, (data) => EmulatorStore.check(data, path!));
  }

  private static check(data: Partial<StoreData>, path: string): StoreData {
    if (data.version !== 1 || typeof data.users !== 'object' || !Array.isArray(data.authenticators)) {
      throw new Error(`Emulator data file ${path} has an unknown format (expected version 1).`);
    }
    return { ...emptyData(), ...data } as StoreData;
  }

  private get data(): StoreData {
    return this.document.data;
  }

  /** Own properties only: a user id is any string, `__proto__` and `constructor` included. */
  getUser(userId: string): UserRecord | undefined {
    return Object.hasOwn(this.data.users, userId) ? this.data.users[userId] : undefined;
  }

  upsertUser(userId: string, attributes: Partial<Omit<UserRecord, 'userId' | 'createdAt'>>, now: string): UserRecord {
    const existing = this.getUser(userId);
    const defined = Object.fromEntries(Object.entries(attributes).filter(([, v]) => v !== undefined));
    if (existing && Object.entries(defined).every(([key, value]) => existing[key as keyof UserRecord] === value)) {
      return existing; // nothing new: no write
    }
    const user: UserRecord = { ...(existing ?? { userId, createdAt: now }), ...defined };
    // Defined, not assigned: assigning to `__proto__` would replace the map's prototype.
    this.document.change((data) =>
      Object.defineProperty(data.users, userId, { value: user, enumerable: true, writable: true, configurable: true }),
    );
    return user;
  }

  /** Every user, by user id in ascending order (the order `queryUsers` pages in). */
  listUsers(): UserRecord[] {
    return Object.values(this.data.users).sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
  }

  /** Removes the user with their authenticators, actions and sessions, in one write; false when there was no such user. */
  deleteUser(userId: string): boolean {
    if (!this.getUser(userId)) return false;
    this.document.change((data) => {
      delete data.users[userId];
      data.authenticators = data.authenticators.filter((a) => a.userId !== userId);
      for (const [key, action] of Object.entries(data.actions)) if (action.userId === userId) delete data.actions[key];
      for (const [key, session] of Object.entries(data.sessions ?? {})) {
        if (session.userId === userId) delete data.sessions![key];
      }
    });
    return true;
  }

  listAuthenticators(userId: string): AuthenticatorRecord[] {
    return this.data.authenticators.filter((a) => a.userId === userId);
  }

  /** The user's passkeys' credentials, for WebAuthn options. */
  passkeysOf(userId: string): PasskeyCredentialRecord[] {
    return this.listAuthenticators(userId).flatMap((a) => (a.webauthnCredential ? [a.webauthnCredential] : []));
  }

  findAuthenticatorByCredentialId(credentialId: string): AuthenticatorRecord | undefined {
    return this.data.authenticators.find((a) => a.webauthnCredential?.credentialId === credentialId);
  }

  addAuthenticator(authenticator: AuthenticatorRecord): void {
    this.document.change((data) => data.authenticators.push(authenticator));
  }

  updateAuthenticator(userAuthenticatorId: string, change: (a: AuthenticatorRecord) => void): void {
    this.document.change((data) => {
      const found = data.authenticators.find((a) => a.userAuthenticatorId === userAuthenticatorId);
      if (found) change(found);
    });
  }

  /** Makes one of the user's authenticators their default, and no other. */
  setDefaultAuthenticator(userId: string, userAuthenticatorId: string): void {
    this.document.change((data) => {
      for (const a of data.authenticators) {
        if (a.userId !== userId) continue;
        if (a.userAuthenticatorId === userAuthenticatorId) a.isDefault = true;
        else delete a.isDefault;
      }
    });
  }

  deleteAuthenticator(userId: string, userAuthenticatorId: string): boolean {
    const index = this.data.authenticators.findIndex(
      (a) => a.userId === userId && a.userAuthenticatorId === userAuthenticatorId,
    );
    if (index === -1) return false;
    this.document.change((data) => data.authenticators.splice(index, 1));
    return true;
  }

  getAction(userId: string, actionCode: string, idempotencyKey: string): ActionRecord | undefined {
    return this.data.actions[actionKey(userId, actionCode, idempotencyKey)];
  }

  /** Every action of the user, oldest first. */
  actionsOf(userId: string): ActionRecord[] {
    return Object.values(this.data.actions).filter((a) => a.userId === userId);
  }

  /** The session signing key, made by `create` the first time and kept from then on. */
  sessionKey(create: () => Record<string, unknown>): Record<string, unknown> {
    return this.data.sessionKey ?? this.document.change((data) => (data.sessionKey = create()));
  }

  getSession(sessionId: string): SessionRecord | undefined {
    const sessions = this.data.sessions ?? {};
    return Object.hasOwn(sessions, sessionId) ? sessions[sessionId] : undefined;
  }

  sessionsOf(userId: string): SessionRecord[] {
    return Object.values(this.data.sessions ?? {}).filter((s) => s.userId === userId);
  }

  /** The session whose current refresh token, or an already exchanged one, has this hash. */
  sessionByRefresh(hash: string): { session: SessionRecord; reused: boolean } | undefined {
    for (const session of Object.values(this.data.sessions ?? {})) {
      if (session.refreshHash === hash) return { session, reused: false };
      if (session.usedRefreshHashes.includes(hash)) return { session, reused: true };
    }
    return undefined;
  }

  /** Writes a session, dropping those whose family ended more than a day before `now`. */
  putSession(session: SessionRecord, now: number): void {
    this.document.change((data) => {
      data.sessions ??= {};
      for (const [key, s] of Object.entries(data.sessions))
        if (s.expiresAt < now - 86_400_000) delete data.sessions[key];
      data.sessions[session.sessionId] = session;
    });
  }

  putAction(action: ActionRecord): void {
    this.document.change(
      (data) => (data.actions[actionKey(action.userId, action.actionCode, action.idempotencyKey)] = action),
    );
  }
}
