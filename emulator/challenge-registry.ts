import { randomUUID } from 'node:crypto';

export interface PendingChallenge {
  challengeId: string;
  purpose: 'register' | 'authenticate';
  /** Set for token-bound ceremonies; absent for a tenant-level (discoverable) sign-in. */
  userId?: string;
  actionCode: string;
  idempotencyKey?: string;
  /** The WebAuthn challenge (base64url) once options were issued. */
  webauthnChallenge?: string;
  expiresAt: number;
}

/**
 * Ceremony challenges, kept in memory: they live for minutes, and a restart that forgets them
 * only asks the user to try again. Each one is consumed by the first verification attempt,
 * successful or not, so an assertion can never be replayed.
 */
export class ChallengeRegistry {
  private readonly pending = new Map<string, PendingChallenge>();

  constructor(
    private readonly now: () => number,
    private readonly ttlMs = 5 * 60_000,
  ) {}

  create(challenge: Omit<PendingChallenge, 'challengeId' | 'expiresAt'>): PendingChallenge {
    this.sweep();
    const created: PendingChallenge = { ...challenge, challengeId: randomUUID(), expiresAt: this.now() + this.ttlMs };
    this.pending.set(created.challengeId, created);
    return created;
  }

  /** A live challenge, left in place (for options requests that attach a WebAuthn challenge). */
  peek(challengeId: string): PendingChallenge | undefined {
    const found = this.pending.get(challengeId);
    if (!found) return undefined;
    if (found.expiresAt <= this.now()) {
      this.pending.delete(challengeId);
      return undefined;
    }
    return found;
  }

  /** Removes and returns a live challenge: the only way a verification gets one. */
  consume(challengeId: string): PendingChallenge | undefined {
    const found = this.peek(challengeId);
    this.pending.delete(challengeId);
    return found;
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, challenge] of this.pending) if (challenge.expiresAt <= now) this.pending.delete(id);
  }
}
