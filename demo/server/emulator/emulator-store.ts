import { AtomicJsonFile } from '../shared/atomic-json-file.js';
import type { ActionRecord, AuthenticatorRecord, StoreData, UserRecord } from './model.js';

const emptyData = (): StoreData => ({ version: 1, users: {}, authenticators: [], actions: {} });

const actionKey = (userId: string, actionCode: string, idempotencyKey: string): string =>
  JSON.stringify([userId, actionCode, idempotencyKey]);

/**
 * Users, authenticators and actions. With a data file, every change is written before the
 * response leaves (temp file, fsync, rename), so a crash leaves either the old or the new file,
 * never half of one.
 */
export class EmulatorStore {
  private data: StoreData;
  private readonly file?: AtomicJsonFile<StoreData>;

  constructor(path?: string) {
    this.file = path ? new AtomicJsonFile<StoreData>(path) : undefined;
    this.data = this.file ? EmulatorStore.check(this.file.read(), path!) : emptyData();
  }

  private static check(data: Partial<StoreData> | undefined, path: string): StoreData {
    if (data === undefined) return emptyData();
    if (data.version !== 1 || typeof data.users !== 'object' || !Array.isArray(data.authenticators)) {
      throw new Error(`Emulator data file ${path} has an unknown format (expected version 1).`);
    }
    return { ...emptyData(), ...data } as StoreData;
  }

  private persist(): void {
    this.file?.write(this.data);
  }

  getUser(userId: string): UserRecord | undefined {
    return this.data.users[userId];
  }

  upsertUser(userId: string, attributes: Partial<Omit<UserRecord, 'userId' | 'createdAt'>>, now: string): UserRecord {
    const existing = this.data.users[userId];
    const defined = Object.fromEntries(Object.entries(attributes).filter(([, v]) => v !== undefined));
    const user: UserRecord = { ...(existing ?? { userId, createdAt: now }), ...defined };
    this.data.users[userId] = user;
    this.persist();
    return user;
  }

  listAuthenticators(userId: string): AuthenticatorRecord[] {
    return this.data.authenticators.filter((a) => a.userId === userId);
  }

  findAuthenticatorByCredentialId(credentialId: string): AuthenticatorRecord | undefined {
    return this.data.authenticators.find((a) => a.webauthnCredential.credentialId === credentialId);
  }

  addAuthenticator(authenticator: AuthenticatorRecord): void {
    this.data.authenticators.push(authenticator);
    this.persist();
  }

  updateAuthenticator(userAuthenticatorId: string, change: (a: AuthenticatorRecord) => void): void {
    const found = this.data.authenticators.find((a) => a.userAuthenticatorId === userAuthenticatorId);
    if (!found) return;
    change(found);
    this.persist();
  }

  deleteAuthenticator(userId: string, userAuthenticatorId: string): boolean {
    const before = this.data.authenticators.length;
    this.data.authenticators = this.data.authenticators.filter(
      (a) => !(a.userId === userId && a.userAuthenticatorId === userAuthenticatorId),
    );
    if (this.data.authenticators.length === before) return false;
    this.persist();
    return true;
  }

  getAction(userId: string, actionCode: string, idempotencyKey: string): ActionRecord | undefined {
    return this.data.actions[actionKey(userId, actionCode, idempotencyKey)];
  }

  putAction(action: ActionRecord): void {
    this.data.actions[actionKey(action.userId, action.actionCode, action.idempotencyKey)] = action;
    this.persist();
  }
}
