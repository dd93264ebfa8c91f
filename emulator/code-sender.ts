import { randomInt, timingSafeEqual } from 'node:crypto';
import { ApiError } from './api-error.js';
import type { Outbox, OutboxChannel } from './outbox.js';
import { RateLimiter } from '../shared/rate-limiter.js';

const SENDS_WINDOW_MS = 10 * 60_000;

/** How a code travels: an email, a text, or a WhatsApp message (Authsignal's `smsChannel`). */
export type CodeChannel = OutboxChannel;

/** A fresh 6-digit one-time code. */
export function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** Whether `given` is `expected`, in constant time. */
export function sameCode(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Sends codes to the development outbox, for the client API (a token's action) and the server
 * API (`challenge`) alike: one send limit (Authsignal's documented email 12, SMS 6 per 10
 * minutes) per user, or per address when nobody is named, whichever API asked.
 */
export class CodeSender {
  readonly #email: RateLimiter;
  readonly #texts: RateLimiter;

  constructor(
    private readonly outbox: Outbox,
    private readonly rpName: string,
    private readonly now: () => number,
  ) {
    this.#email = new RateLimiter(12, SENDS_WINDOW_MS, now);
    this.#texts = new RateLimiter(6, SENDS_WINDOW_MS, now);
  }

  /**
   * Counts a send against the limit and delivers `code`; `host` names the page a text's WebOTP
   * line binds the code to. Throws 429 over the limit, sending nothing.
   */
  send(channel: CodeChannel, to: string, code: string, who: { userId?: string; host: string }): void {
    const limiter = channel === 'EMAIL' ? this.#email : this.#texts;
    if (!limiter.allow(who.userId !== undefined ? `user:${who.userId}` : `to:${to}`)) {
      throw new ApiError(429, 'too_many_requests', 'Too many codes sent. Wait a few minutes and try again.');
    }
    // WebOTP: a text whose last line is `@<host> #<code>` can fill the code field by itself.
    const text =
      channel === 'EMAIL'
        ? `Your ${this.rpName} verification code is ${code}. It expires in 10 minutes.`
        : `Your ${this.rpName} code is ${code}.\n\n@${who.host} #${code}`;
    this.outbox.add({
      channel,
      to,
      code,
      text,
      sentAt: new Date(this.now()).toISOString(),
      ...(who.userId !== undefined ? { userId: who.userId } : {}),
    });
  }
}
