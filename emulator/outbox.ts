export type OutboxChannel = 'EMAIL' | 'SMS' | 'WHATSAPP';

export interface OutboxMessage {
  channel: OutboxChannel;
  to: string;
  code: string;
  text: string;
  sentAt: string;
  /**
   * The user whose action the code was sent for (a sign-up's new address is that user's too);
   * absent for a server-side `challenge` that named nobody.
   */
  userId?: string;
}

const KEPT_PER_ADDRESS = 20;

/**
 * Where the emulator "sends" codes: nothing leaves the machine. Each send prints one line on the
 * console and is kept (the last few per address, in memory) for `GET /v1/dev/outbox`, so that a
 * person or a test can read the code. A development tool: real Authsignal has no such thing.
 */
export class Outbox {
  readonly #messages = new Map<string, OutboxMessage[]>();

  constructor(private readonly print: (line: string) => void) {}

  add(message: OutboxMessage): void {
    const list = this.#messages.get(message.to) ?? [];
    list.unshift(message);
    list.length = Math.min(list.length, KEPT_PER_ADDRESS);
    this.#messages.set(message.to, list);
    this.print(`[emulator] ${message.channel} to ${message.to}: code ${message.code} (development outbox)`);
  }

  /** Newest first; for one address, or for all. */
  list(to?: string): OutboxMessage[] {
    const all = to === undefined ? [...this.#messages.values()].flat() : (this.#messages.get(to) ?? []);
    return [...all].sort((a, b) => b.sentAt.localeCompare(a.sentAt));
  }

  /**
   * Newest first: only what was sent for this user's own actions. An address says nothing of who
   * asked: two users may share one, and a stranger may have typed someone else's.
   */
  listForUser(userId: string): OutboxMessage[] {
    return this.list().filter((message) => message.userId === userId);
  }
}
