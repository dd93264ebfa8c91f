import { randomUUID } from 'node:crypto';
import { CODE_TTL_MS } from './code-challenges.js';
import { sameCode } from './code-sender.js';

/** The methods a server-side `challenge` sends a code by. */
export const SERVER_CODE_METHODS = ['EMAIL_OTP', 'SMS', 'WHATSAPP'] as const;
export type ServerCodeMethod = (typeof SERVER_CODE_METHODS)[number];

/** A code the tenant's backend asked for (`challenge`), verified by `verify`, bound to a user by `claimChallenge`. */
export interface ServerChallenge {
  challengeId: string;
  verificationMethod: ServerCodeMethod;
  /** `WHATSAPP` for an SMS sent over WhatsApp (Authsignal's `smsChannel`). */
  smsChannel?: 'DEFAULT' | 'WHATSAPP';
  email?: string;
  phoneNumber?: string;
  /** The user it was sent for, if the backend named one. */
  userId?: string;
  action?: string;
  idempotencyKey: string;
  /** The scope a claimed token carries (`challenge`'s `scope`). */
  scope?: string;
  code: string;
  /** Milliseconds on the emulator's clock. */
  expiresAt: number;
  /** What wrong codes for it count against (see `CodeChallenges.attemptKey`). */
  attempts: string;
  verifiedAt?: number;
  claimed?: boolean;
}

/**
 * Server-side challenges, in memory as the client's codes are: a restart forgets codes in
 * flight. A code verifies once; a challenge is claimed once.
 */
export class ServerChallenges {
  readonly #byId = new Map<string, ServerChallenge>();

  constructor(private readonly now: () => number) {}

  /** A new challenge, or a resend (`challengeId` given): a new code replaces the old one, under the same id. */
  put(challenge: Omit<ServerChallenge, 'challengeId' | 'expiresAt'> & { challengeId?: string }): ServerChallenge {
    this.#sweep();
    const stored: ServerChallenge = {
      ...challenge,
      challengeId: challenge.challengeId ?? randomUUID(),
      expiresAt: this.now() + CODE_TTL_MS,
    };
    this.#byId.set(stored.challengeId, stored);
    return stored;
  }

  /** A challenge still known (expired ones are kept until swept, so `verify` can say so). */
  get(challengeId: string): ServerChallenge | undefined {
    return this.#byId.get(challengeId);
  }

  /** The newest live, unclaimed challenge matching every field given. */
  find(query: { userId?: string; action?: string; verificationMethod?: string }): ServerChallenge | undefined {
    const now = this.now();
    return [...this.#byId.values()]
      .reverse()
      .find(
        (c) =>
          c.expiresAt > now &&
          !c.claimed &&
          (query.userId === undefined || c.userId === query.userId) &&
          (query.action === undefined || c.action === query.action) &&
          (query.verificationMethod === undefined || c.verificationMethod === query.verificationMethod),
      );
  }

  /** Marks the challenge verified when `code` is its live, unused code. */
  verify(challenge: ServerChallenge, code: string): boolean {
    if (challenge.verifiedAt !== undefined || challenge.expiresAt <= this.now()) return false;
    if (!sameCode(code, challenge.code)) return false;
    challenge.verifiedAt = this.now();
    return true;
  }

  /** Drops challenges expired for longer than a code lives: nobody can use them any more. */
  #sweep(): void {
    const cutoff = this.now() - CODE_TTL_MS;
    for (const [id, c] of this.#byId) if (c.expiresAt <= cutoff) this.#byId.delete(id);
  }
}
