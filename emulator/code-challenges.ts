import { randomUUID } from 'node:crypto';
import { sameCode } from './code-sender.js';
import type { ActionBinding, VerificationMethod } from './model.js';

export type CodeMethod = 'EMAIL_OTP' | 'SMS';

/**
 * Codes live 10 minutes. 5 wrong codes within 15 minutes lock the authenticator they were tried
 * against (Authsignal's MAX_ATTEMPTS_EXCEEDED), whichever action they came with: a new action
 * (another transfer) must not start a fresh count, or guessing would never stop.
 */
export const CODE_TTL_MS = 10 * 60_000;
export const MAX_WRONG_CODES = 5;
export const WRONG_CODES_WINDOW_MS = 15 * 60_000;

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
  /** When each wrong code was tried, by user and authenticator (see `attemptKey`). */
  readonly #wrong = new Map<string, number[]>();
  readonly #enrollments = new Map<string, PendingEnrollment>();

  constructor(private readonly now: () => number) {}

  /** Keeps `code` (just sent) for this action and method, replacing any earlier one; answers its challenge id. */
  issue(binding: ActionBinding, method: CodeMethod, target: CodeTarget, code: string): string {
    this.#codes.set(key(binding, method), { code, expiresAt: this.now() + CODE_TTL_MS, target });
    return randomUUID();
  }

  /**
   * What a code for this action and method is tried against, for the attempt count: the
   * authenticator its code was sent to, or, for an enrollment, the address being added (not the
   * enrollment, which each start makes anew: guessing the code of an address one does not read
   * must not start a fresh count with each retry); without a code in flight, the user's `fallback`
   * (the authenticator a send would use), else the method. Authenticator-app codes are tried
   * against all the user's apps at once: one count for them all.
   */
  attemptKey(binding: ActionBinding, method: VerificationMethod, fallback?: string): string {
    const sent = method === 'AUTHENTICATOR_APP' ? undefined : this.#codes.get(key(binding, method));
    const target = sent
      ? 'enrollment' in sent.target
        ? `${method}:${sent.target.enrollment.email ?? sent.target.enrollment.phoneNumber}`
        : sent.target.authenticatorId
      : (fallback ?? method);
    return JSON.stringify([binding.userId, target]);
  }

  #recent(attempts: string): number[] {
    const since = this.now() - WRONG_CODES_WINDOW_MS;
    const times = (this.#wrong.get(attempts) ?? []).filter((at) => at > since);
    if (times.length) this.#wrong.set(attempts, times);
    else this.#wrong.delete(attempts);
    return times;
  }

  isLocked(attempts: string): boolean {
    return this.#recent(attempts).length >= MAX_WRONG_CODES;
  }

  /** Counts a wrong code against `attempts` (an `attemptKey`); true when that locks it. */
  recordWrong(attempts: string): boolean {
    const times = [...this.#recent(attempts), this.now()];
    this.#wrong.set(attempts, times);
    return times.length >= MAX_WRONG_CODES;
  }

  /**
   * Consumes the method's code when `code` is it and it has not expired: answers what it proves, or
   * undefined for a wrong, expired or already used code.
   */
  take(binding: ActionBinding, method: CodeMethod, code: string): CodeTarget | undefined {
    const sent = this.#codes.get(key(binding, method));
    if (!sent || sent.expiresAt <= this.now()) return undefined;
    if (!sameCode(code, sent.code)) return undefined;
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
