import { createHash, randomUUID } from 'node:crypto';
import { AtomicJsonFile } from './shared/atomic-json-file.js';

export interface Account {
  /** Also the user id at Authsignal. */
  id: string;
  username: string;
  passwordHash: string;
  balanceCents: number;
  createdAt: string;
}

export interface Transfer {
  id: string;
  accountId: string;
  recipient: string;
  amountCents: number;
  status: 'executed' | 'pending';
  /** The idempotency key of the `high-value-transfer` action tracked for this transfer. */
  idempotencyKey?: string;
  createdAt: string;
  executedAt?: string;
}

interface Session {
  accountId: string;
  expiresAt: number;
}

interface BankData {
  version: 1;
  accounts: Record<string, Account>;
  /** Keyed by the SHA-256 of the session id: the cookie value itself is never stored. */
  sessions: Record<string, Session>;
  transfers: Transfer[];
}

const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
const hashSessionId = (id: string) => createHash('sha256').update(id).digest('base64url');

/**
 * Accounts, sessions and transfers of the demo bank, in memory and in a JSON file written
 * atomically on every change. Every method is synchronous, so a check and the change it guards
 * (a debit and the status that marks it done) happen in one step: a transfer executes once.
 */
export class BankStore {
  private readonly file?: AtomicJsonFile<BankData>;
  private readonly data: BankData;

  constructor(path?: string) {
    this.file = path ? new AtomicJsonFile<BankData>(path) : undefined;
    const loaded = this.file?.read();
    if (loaded && loaded.version !== 1) throw new Error(`Bank data file ${path} has an unknown format.`);
    this.data = loaded ?? { version: 1, accounts: {}, sessions: {}, transfers: [] };
  }

  private persist(): void {
    this.file?.write(this.data);
  }

  findAccountByUsername(username: string): Account | undefined {
    return Object.values(this.data.accounts).find((a) => a.username === username);
  }

  getAccount(id: string): Account | undefined {
    return this.data.accounts[id];
  }

  createAccount(username: string, passwordHash: string, balanceCents: number): Account {
    const existing = this.findAccountByUsername(username);
    if (existing) return existing;
    const account: Account = {
      id: randomUUID(),
      username,
      passwordHash,
      balanceCents,
      createdAt: new Date().toISOString(),
    };
    this.data.accounts[account.id] = account;
    this.persist();
    return account;
  }

  createSession(accountId: string, now = Date.now()): string {
    const id = randomUUID() + randomUUID();
    this.data.sessions[hashSessionId(id)] = { accountId, expiresAt: now + SESSION_TTL_MS };
    for (const [key, session] of Object.entries(this.data.sessions)) {
      if (session.expiresAt <= now) delete this.data.sessions[key];
    }
    this.persist();
    return id;
  }

  accountForSession(id: string | undefined, now = Date.now()): Account | undefined {
    if (!id) return undefined;
    const session = this.data.sessions[hashSessionId(id)];
    if (!session || session.expiresAt <= now) return undefined;
    return this.data.accounts[session.accountId];
  }

  deleteSession(id: string): void {
    delete this.data.sessions[hashSessionId(id)];
    this.persist();
  }

  transfersOf(accountId: string): Transfer[] {
    return this.data.transfers.filter((t) => t.accountId === accountId).reverse();
  }

  getTransfer(accountId: string, id: string): Transfer | undefined {
    return this.data.transfers.find((t) => t.id === id && t.accountId === accountId);
  }

  /** Records a transfer; an executed one debits the balance in the same write. */
  addTransfer(transfer: Omit<Transfer, 'createdAt'>): Transfer {
    const account = this.data.accounts[transfer.accountId]!;
    if (transfer.status === 'executed') {
      if (account.balanceCents < transfer.amountCents) throw new Error('insufficient funds');
      account.balanceCents -= transfer.amountCents;
    }
    const now = new Date().toISOString();
    const stored: Transfer = {
      ...transfer,
      createdAt: now,
      ...(transfer.status === 'executed' ? { executedAt: now } : {}),
    };
    this.data.transfers.push(stored);
    this.persist();
    return stored;
  }

  /**
   * Executes a pending transfer: checks it is still pending and covered, debits, marks it executed,
   * and writes, all in one synchronous step. Returns false when it was not pending any more.
   */
  executePending(accountId: string, id: string): 'executed' | 'not-pending' | 'insufficient-funds' {
    const transfer = this.getTransfer(accountId, id);
    const account = this.data.accounts[accountId];
    if (!transfer || !account || transfer.status !== 'pending') return 'not-pending';
    if (account.balanceCents < transfer.amountCents) return 'insufficient-funds';
    account.balanceCents -= transfer.amountCents;
    transfer.status = 'executed';
    transfer.executedAt = new Date().toISOString();
    this.persist();
    return 'executed';
  }
}
