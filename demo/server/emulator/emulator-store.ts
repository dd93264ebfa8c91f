import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
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

  constructor(private readonly file?: string) {
    this.data = file ? EmulatorStore.load(file) : emptyData();
  }

  private static load(file: string): StoreData {
    if (!existsSync(file)) return emptyData();
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      // Refuse to start rather than silently wipe a user's passkeys.
      throw new Error(`Emulator data file ${file} is not valid JSON: ${(error as Error).message}`);
    }
    const data = parsed as Partial<StoreData>;
    if (data.version !== 1 || typeof data.users !== 'object' || !Array.isArray(data.authenticators)) {
      throw new Error(`Emulator data file ${file} has an unknown format (expected version 1).`);
    }
    return { ...emptyData(), ...data } as StoreData;
  }

  private persist(): void {
    if (!this.file) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    const fd = openSync(temp, 'w', 0o600);
    try {
      writeSync(fd, JSON.stringify(this.data, null, 2));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, this.file);
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
