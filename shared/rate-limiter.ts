/**
 * Fixed-window request counting per caller (a token's user, or the tenant plus the client
 * address). Authsignal rate-limits its client API and answers 429 `too_many_requests`; its exact
 * passkey limits are not published, so the window and maximum are options.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** Counts one request; false once the caller is over the limit for the current window. */
  allow(key: string): boolean {
    const now = this.now();
    const current = this.windows.get(key);
    if (!current || now - current.start >= this.windowMs) {
      if (this.windows.size > 10_000) this.windows.clear();
      this.windows.set(key, { start: now, count: 1 });
      return true;
    }
    current.count++;
    return current.count <= this.max;
  }
}
