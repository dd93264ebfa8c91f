import { createHash, randomUUID } from 'node:crypto';
import { JsonDocument } from '../../shared/json-document.js';

export interface Account {
  /** Also the user id at Authsignal. */
  id: string;
  username: string;
  passwordHash: string;
  balanceCents: number;
  /**
   * Given at sign-up: only an address the person typed. It becomes a way to confirm (an email
   * authenticator at Authsignal) once they prove they read it, with a code, like any other change.
   */
  email?: string;
  createdAt: string;
}

/** The ways to confirm, by Authsignal's names. */
export type FactorMethod = 'PASSKEY' | 'EMAIL_OTP' | 'SMS' | 'AUTHENTICATOR_APP';

/**
 * One change to an account's ways to confirm (add one, or remove one), started by the signed-in
 * person: its own Authsignal action (idempotency key = `id`), so that the step-up that allows it
 * is bound to this change and no other, and used once.
 */
export interface SecurityChange {
  id: string;
  accountId: string;
  kind: 'add' | 'remove';
  method: FactorMethod;
  /** remove: the authenticator to remove. */
  authenticatorId?: string;
  /** Whether the change needs a step-up (the account had a way to confirm when it started). */
  stepUp: boolean;
  createdAt: number;
  usedAt?: number;
}

/**
 * A change to the account itself, the seed's other sensitive actions: a new password, or closing
 * the account. Its own Authsignal action (idempotency key = `id`), so that its step-up allows this
 * change and no other, once.
 */
export interface AccountChange {
  id: string;
  accountId: string;
  kind: 'password' | 'close';
  /** password: the new password's hash, applied once the step-up is validated. */
  passwordHash?: string;
  createdAt: number;
  usedAt?: number;
}

/** The facts of one transfer the rules decide on, computed in the step that reserves its money. */
export interface TransferRisk {
  /** This account never paid this recipient before (an executed transfer). */
  isNewRecipient: boolean;
  /** The account's transfers of the last 24 hours, this one included, in cents: executed, waiting for a step-up, or being checked. */
  sentLast24hCents: number;
}

/** A line of the account's security activity. */
export interface SecurityEvent {
  accountId: string;
  kind: 'added' | 'removed';
  method: FactorMethod;
  /** The email address or phone number; a passkey's or an app's name. */
  label: string;
  /** The method of the step-up that allowed it; null for the account's first way to confirm. */
  confirmedBy: FactorMethod | null;
  at: string;
  /** The browser it was done from, as its User-Agent says (cut to 256 characters). */
  userAgent: string;
}

export interface Transfer {
  id: string;
  accountId: string;
  recipient: string;
  amountCents: number;
  /**
   * `checking`: the rules are deciding (it counts in the 24-hour total already, so that transfers
   * made at once cannot each see a total without the others); then `executed`, or `pending` a
   * step-up, or gone (blocked, refused, not covered, or the check failed).
   */
  status: 'executed' | 'pending' | 'checking';
  /** The idempotency key of the `transfer` action tracked for this transfer. */
  idempotencyKey?: string;
  createdAt: string;
  executedAt?: string;
}

/** An Authsignal session (`createSession`) the bank holds for one of its own: tokens stay on the server. */
export interface AuthsignalSession {
  accessToken: string;
  refreshToken: string;
}

interface Session {
  accountId: string;
  expiresAt: number;
  /** Set for a passkey sign-in: the bank's session lives only as long as Authsignal's does. */
  authsignal?: AuthsignalSession;
}

interface BankData {
  version: 1;
  accounts: Record<string, Account>;
  /** Keyed by the SHA-256 of the session id: the cookie value itself is never stored. */
  sessions: Record<string, Session>;
  transfers: Transfer[];
  /**
   * Passkey sign-ins already used, by account and the idempotency key of their Authsignal action,
   * until their token has expired: Authsignal's validation is a lookup, so the bank uses each one once itself.
   * (Absent in files written before passkey sign-in.)
   */
  passkeySignIns?: Record<string, number>;
  /** Changes to the ways to confirm, by id, until an hour after they started. (Absent in older files.) */
  changes?: Record<string, SecurityChange>;
  /** Newest last. (Absent in older files.) */
  activity?: SecurityEvent[];
  /** New passwords and closures waiting for their step-up, until an hour after they started. (Absent in older files.) */
  accountChanges?: Record<string, AccountChange>;
}

const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/** How long a sign-in token lives at Authsignal (10 minutes), with a margin: how long its key is kept. */
const SIGN_IN_KEY_TTL_MS = 15 * 60 * 1000;
/** How long a started change is kept (it can be used for 5 minutes only). */
const CHANGE_KEPT_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const hashSessionId = (id: string) => createHash('sha256').update(id).digest('base64url');

/**
 * A transfer still `checking` when the file was written (the server stopped while the rules
 * decided) was never decided, and moved nothing: it goes.
 */
function releaseUnchecked(data: BankData): BankData {
  data.transfers = data.transfers.filter((t) => t.status !== 'checking');
  return data;
}

type UseVerdict = 'used' | 'already-used' | 'expired' | 'unknown';

/** Whether a change can be used now: unused and not older than `maxAgeMs`. What both kinds of change share. */
function usable(change: { createdAt: number; usedAt?: number } | undefined, maxAgeMs: number, now: number): UseVerdict {
  if (!change) return 'unknown';
  if (change.usedAt !== undefined) return 'already-used';
  if (change.createdAt + maxAgeMs < now) return 'expired';
  return 'used';
}

/** Adds a change to its map and drops those that started over an hour before it. */
function keepRecent<T extends { id: string; createdAt: number }>(map: Record<string, T>, change: T): void {
  for (const [id, old] of Object.entries(map)) if (old.createdAt < change.createdAt - CHANGE_KEPT_MS) delete map[id];
  map[change.id] = change;
}

const owned = <T extends { accountId: string }>(
  map: Record<string, T> | undefined,
  accountId: string,
  id: string,
): T | undefined => {
  const found = map && Object.hasOwn(map, id) ? map[id] : undefined;
  return found?.accountId === accountId ? found : undefined;
};

/** Adds a session (by the hash of its id) and drops the expired ones. */
function addSession(data: BankData, id: string, accountId: string, now: number, authsignal?: AuthsignalSession): void {
  data.sessions[hashSessionId(id)] = {
    accountId,
    expiresAt: now + SESSION_TTL_MS,
    ...(authsignal ? { authsignal } : {}),
  };
  for (const [key, session] of Object.entries(data.sessions)) {
    if (session.expiresAt <= now) delete data.sessions[key];
  }
}

/**
 * Accounts, sessions and transfers of the demo bank, in memory and in a JSON file written
 * atomically on every change. Every method is synchronous, so a check and the change it guards
 * (a debit and the status that marks it done, a username and the account it names) happen in one
 * step: a transfer executes once, a username is created once. A change whose write fails is not
 * kept in memory either.
 */
export class BankStore {
  private readonly document: JsonDocument<BankData>;

  constructor(path?: string) {
    this.document = new JsonDocument<BankData>(
      path,
      () => ({ version: 1, accounts: {}, sessions: {}, transfers: [] }),
      (loaded) => {
        if (loaded.version !== 1) throw new Error(`Bank data file ${path} has an unknown format.`);
        return releaseUnchecked(loaded);
      },
    );
  }

  private get data(): BankData {
    return this.document.data;
  }

  findAccountByUsername(username: string): Account | undefined {
    return Object.values(this.data.accounts).find((a) => a.username === username);
  }

  getAccount(id: string): Account | undefined {
    return Object.hasOwn(this.data.accounts, id) ? this.data.accounts[id] : undefined;
  }

  /**
   * Creates the account unless the username exists, in one step. `created: false` hands back the
   * account someone else made first: its password is not checked here, the caller must do it.
   */
  createAccount(
    username: string,
    passwordHash: string,
    balanceCents: number,
    email?: string,
  ): { account: Account; created: boolean } {
    const existing = this.findAccountByUsername(username);
    if (existing) return { account: existing, created: false };
    const account: Account = {
      id: randomUUID(),
      username,
      passwordHash,
      balanceCents,
      ...(email ? { email } : {}),
      createdAt: new Date().toISOString(),
    };
    this.document.change((data) => (data.accounts[account.id] = account));
    return { account, created: true };
  }

  /** Records a change that just started; drops those that started over an hour ago. */
  addChange(change: SecurityChange): void {
    this.document.change((data) => keepRecent((data.changes ??= {}), change));
  }

  getChange(accountId: string, id: string): SecurityChange | undefined {
    return owned(this.data.changes, accountId, id);
  }

  /**
   * Marks the change used, unless it was (or is older than `maxAgeMs`), in one step: two requests
   * with one step-up make one change.
   */
  useChange(accountId: string, id: string, maxAgeMs: number, now = Date.now()): UseVerdict {
    // Checked before the write: a refusal writes nothing. (Synchronous: nothing runs in between.)
    const verdict = usable(this.getChange(accountId, id), maxAgeMs, now);
    if (verdict === 'used') this.document.change((data) => (data.changes![id]!.usedAt = now));
    return verdict;
  }

  /** Records a new password or a closure that just started; drops those that started over an hour ago. */
  addAccountChange(change: AccountChange): void {
    this.document.change((data) => keepRecent((data.accountChanges ??= {}), change));
  }

  getAccountChange(accountId: string, id: string): AccountChange | undefined {
    return owned(this.data.accountChanges, accountId, id);
  }

  /**
   * Makes a new password or a closure, unless it was made (or is older than `maxAgeMs`), in one
   * step: two requests with one step-up make it once. A new password ends every other session of
   * the account (`keepSession` stays); a closure removes the account, its sessions, transfers and changes.
   */
  applyAccountChange(
    accountId: string,
    id: string,
    maxAgeMs: number,
    keepSession?: string,
    now = Date.now(),
  ): UseVerdict {
    const verdict = usable(this.getAccountChange(accountId, id), maxAgeMs, now);
    if (verdict !== 'used') return verdict;
    return this.document.change((data) => {
      const change = owned(data.accountChanges, accountId, id)!;
      change.usedAt = now;
      const keep = keepSession === undefined ? undefined : hashSessionId(keepSession);
      for (const [key, session] of Object.entries(data.sessions)) {
        if (session.accountId === accountId && (change.kind === 'close' || key !== keep)) delete data.sessions[key];
      }
      if (change.kind === 'password') {
        data.accounts[accountId]!.passwordHash = change.passwordHash!;
      } else {
        delete data.accounts[accountId];
        data.transfers = data.transfers.filter((t) => t.accountId !== accountId);
        for (const map of [data.changes ?? {}, data.accountChanges ?? {}]) {
          for (const [key, c] of Object.entries(map)) if (c.accountId === accountId) delete map[key];
        }
        data.activity = (data.activity ?? []).filter((e) => e.accountId !== accountId);
      }
      return 'used';
    });
  }

  addSecurityEvent(event: SecurityEvent): void {
    this.document.change((data) => (data.activity ??= []).push(event));
  }

  /** Newest first. */
  securityActivityOf(accountId: string): SecurityEvent[] {
    return (this.data.activity ?? []).filter((e) => e.accountId === accountId).reverse();
  }

  createSession(accountId: string, now = Date.now()): string {
    const id = randomUUID() + randomUUID();
    this.document.change((data) => addSession(data, id, accountId, now));
    return id;
  }

  /**
   * A session for a passkey sign-in, unless that sign-in (its action's idempotency key) was used
   * before: the check and the session are one step, so two requests with one token get one session.
   */
  createPasskeySession(
    accountId: string,
    signInKey: string,
    authsignal?: AuthsignalSession,
    now = Date.now(),
  ): string | undefined {
    // Per account (a key is an action's, and actions are per user), and never a bare key such as
    // `__proto__`: the browser SDK may choose an action's idempotency key.
    const key = `${accountId}:${signInKey}`;
    const used = this.data.passkeySignIns;
    if (used && Object.hasOwn(used, key) && used[key]! > now) return undefined;
    const id = randomUUID() + randomUUID();
    this.document.change((data) => {
      const used = (data.passkeySignIns ??= {});
      for (const [old, until] of Object.entries(used)) if (until <= now) delete used[old];
      used[key] = now + SIGN_IN_KEY_TTL_MS;
      addSession(data, id, accountId, now, authsignal);
    });
    return id;
  }

  accountForSession(id: string | undefined, now = Date.now()): Account | undefined {
    return this.sessionFor(id, now)?.account;
  }

  /** The live session of a cookie value, with its account and the Authsignal session it holds. */
  sessionFor(
    id: string | undefined,
    now = Date.now(),
  ): { account: Account; authsignal?: AuthsignalSession } | undefined {
    if (!id) return undefined;
    const key = hashSessionId(id);
    const session = Object.hasOwn(this.data.sessions, key) ? this.data.sessions[key] : undefined;
    if (!session || session.expiresAt <= now) return undefined;
    const account = this.data.accounts[session.accountId];
    return account ? { account, ...(session.authsignal ? { authsignal: session.authsignal } : {}) } : undefined;
  }

  /** Replaces a session's Authsignal tokens after a refresh (rotation). */
  setSessionTokens(id: string, authsignal: AuthsignalSession): void {
    const key = hashSessionId(id);
    if (!Object.hasOwn(this.data.sessions, key)) return;
    this.document.change((data) => (data.sessions[key]!.authsignal = authsignal));
  }

  deleteSession(id: string): void {
    this.document.change((data) => delete data.sessions[hashSessionId(id)]);
  }

  /** The Authsignal sessions of the account's bank sessions, but `except`'s (for revoking them). */
  authsignalSessionsOf(accountId: string, except?: string): AuthsignalSession[] {
    const keep = except === undefined ? undefined : hashSessionId(except);
    return Object.entries(this.data.sessions).flatMap(([key, s]) =>
      s.accountId === accountId && key !== keep && s.authsignal ? [s.authsignal] : [],
    );
  }

  /** Ends every session of the account: "sign out everywhere". */
  deleteSessionsOf(accountId: string): void {
    this.document.change((data) => {
      for (const [key, session] of Object.entries(data.sessions))
        if (session.accountId === accountId) delete data.sessions[key];
    });
  }

  /** Newest first; not those still being checked (they are decided within the request that made them). */
  transfersOf(accountId: string): Transfer[] {
    return this.data.transfers.filter((t) => t.accountId === accountId && t.status !== 'checking').reverse();
  }

  getTransfer(accountId: string, id: string): Transfer | undefined {
    return this.data.transfers.find((t) => t.id === id && t.accountId === accountId);
  }

  /**
   * Starts a transfer, in one synchronous step: works out what the rules need (a new recipient?
   * the 24-hour total with this one), counting every transfer not yet decided, and records it as
   * `checking`. Transfers made at once each see the others, and none can be split from the total.
   * Its money moves only in `settleTransfer`, which checks the balance again in the same step.
   */
  beginTransfer(
    accountId: string,
    recipient: string,
    amountCents: number,
    now = Date.now(),
  ): { transfer: Transfer; risk: TransferRisk } | 'insufficient-funds' | 'no-account' {
    return this.document.change((data) => {
      // Closed by another request of the same session since this one began.
      const account = Object.hasOwn(data.accounts, accountId) ? data.accounts[accountId] : undefined;
      if (!account) return 'no-account';
      if (account.balanceCents < amountCents) return 'insufficient-funds';
      const mine = data.transfers.filter((t) => t.accountId === accountId);
      const risk: TransferRisk = {
        isNewRecipient: !mine.some((t) => t.status === 'executed' && t.recipient === recipient),
        sentLast24hCents:
          amountCents +
          mine.filter((t) => Date.parse(t.createdAt) > now - DAY_MS).reduce((sum, t) => sum + t.amountCents, 0),
      };
      const transfer: Transfer = {
        id: randomUUID(),
        accountId,
        recipient,
        amountCents,
        status: 'checking',
        createdAt: new Date(now).toISOString(),
      };
      data.transfers.push(transfer);
      return { transfer: { ...transfer }, risk };
    });
  }

  /**
   * What the rules decided for a transfer being checked, in one step: `executed` debits it if the
   * balance still covers it (else it goes: `insufficient-funds`); `pending` waits for a step-up
   * (`executePending` checks the balance then); `dropped` removes it.
   */
  settleTransfer(
    accountId: string,
    id: string,
    outcome: 'executed' | 'pending' | 'dropped',
    idempotencyKey?: string,
  ): 'settled' | 'insufficient-funds' {
    return this.document.change((data) => {
      const index = data.transfers.findIndex(
        (t) => t.id === id && t.accountId === accountId && t.status === 'checking',
      );
      if (index === -1) throw new Error(`transfer ${id} is not being checked`);
      const transfer = data.transfers[index]!;
      const account = data.accounts[accountId]!;
      const uncovered = outcome === 'executed' && account.balanceCents < transfer.amountCents;
      if (outcome === 'dropped' || uncovered) {
        data.transfers.splice(index, 1);
        return uncovered ? 'insufficient-funds' : 'settled';
      }
      if (outcome === 'executed') {
        account.balanceCents -= transfer.amountCents;
        transfer.status = 'executed';
        transfer.executedAt = new Date().toISOString();
      } else {
        Object.assign(transfer, { status: 'pending', idempotencyKey });
      }
      return 'settled';
    });
  }

  /**
   * Executes a pending transfer: checks it is still pending and covered, debits, marks it executed,
   * and writes, all in one synchronous step.
   */
  executePending(accountId: string, id: string): 'executed' | 'not-pending' | 'insufficient-funds' {
    return this.document.change((data) => {
      const transfer = data.transfers.find((t) => t.id === id && t.accountId === accountId);
      const account = data.accounts[accountId];
      if (!transfer || !account || transfer.status !== 'pending') return 'not-pending';
      if (account.balanceCents < transfer.amountCents) return 'insufficient-funds';
      account.balanceCents -= transfer.amountCents;
      transfer.status = 'executed';
      transfer.executedAt = new Date().toISOString();
      return 'executed';
    });
  }
}
