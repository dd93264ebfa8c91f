import { randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { ActionBinding, VerificationMethod } from './model.js';

export type CodeMethod = 'EMAIL_OTP' | 'SMS';

/** Codes live 10 minutes; 5 wrong codes lock the action (Authsignal's MAX_ATTEMPTS_EXCEEDED). */
export const CODE_TTL_MS = 10 * 60_000;
export const MAX_WRONG_CODES = 5;

/** An authenticator being added through the client API: it exists once a code verifies it. */
export interface PendingEnrollment {
  userAuthenticatorId: string;
  method: VerificationMethod;
  email?: string;
  phoneNumber?: string;
  totpSecret?: string;
}

/** What a code proves once it verifies: a new authenticator, or one the user has. */
export type CodeTarget = { enrollment: PendingEnrollment } | { authenticatorId: string };

interface SentCode {
  code: string;
  expiresAt: number;
  target: CodeTarget;
}

const key = (b: ActionBinding, method?: string): string =>
  JSON.stringify([b.userId, b.actionCode, b.idempotencyKey, method ?? '']);

/**
 * The one-time codes sent for actions, the failed attempts that lock an action, and the
 * enrollments a code will complete. In memory: a restart forgets codes in flight (never kept
 * authenticators). A new send replaces the method's earlier code; a code verifies once.
 */
export class CodeChallenges {
  readonly #codes = new Map<string, SentCode>();
  readonly #wrong = new Map<string, number>();
  readonly #enrollments = new Map<string, PendingEnrollment>();

  constructor(private readonly now: () => number) {}

  /** A fresh 6-digit code for this action and method, replacing any earlier one. */
  issue(binding: ActionBinding, method: CodeMethod, target: CodeTarget): { challengeId: string; code: string } {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    this.#codes.set(key(binding, method), { code, expiresAt: this.now() + CODE_TTL_MS, target });
    return { challengeId: randomUUID(), code };
  }

  isLocked(binding: ActionBinding): boolean {
    return (this.#wrong.get(key(binding)) ?? 0) >= MAX_WRONG_CODES;
  }

  /** Counts a wrong code; true when that locks the action. */
  recordWrong(binding: ActionBinding): boolean {
    const wrong = (this.#wrong.get(key(binding)) ?? 0) + 1;
    this.#wrong.set(key(binding), wrong);
    return wrong >= MAX_WRONG_CODES;
  }

  /**
   * Consumes the method's code when `code` is it and it has not expired: answers what it proves, or
   * undefined for a wrong, expired or already used code.
   */
  take(binding: ActionBinding, method: CodeMethod, code: string): CodeTarget | undefined {
    const sent = this.#codes.get(key(binding, method));
    if (!sent || sent.expiresAt <= this.now()) return undefined;
    const given = Buffer.from(code);
    const expected = Buffer.from(sent.code);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    this.#codes.delete(key(binding, method));
    return sent.target;
  }

  /** The enrollment of `method` started with this action's token (the last one started). */
  enrollment(binding: ActionBinding, method: VerificationMethod): PendingEnrollment | undefined {
    return this.#enrollments.get(key(binding, method));
  }

  startEnrollment(binding: ActionBinding, enrollment: PendingEnrollment): void {
    this.#enrollments.set(key(binding, enrollment.method), enrollment);
  }

  finishEnrollment(binding: ActionBinding, method: VerificationMethod): void {
    this.#enrollments.delete(key(binding, method));
  }
}
