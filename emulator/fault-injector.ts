/**
 * Test hook, reachable only in-process (never over HTTP): makes the next client-API requests of
 * one user fail with a real HTTP error, so that callers can be tested against a failing API.
 * Keyed by user so that tests running side by side do not disturb each other.
 */
export interface Fault {
  userId: string;
  status: number;
  count: number;
}

export class FaultInjector {
  private readonly faults = new Map<string, Fault>();

  add(fault: Fault): void {
    this.faults.set(fault.userId, { ...fault });
  }

  /** The status to fail with, consuming one occurrence, or undefined. */
  take(userId: string | undefined): number | undefined {
    if (userId === undefined) return undefined;
    const fault = this.faults.get(userId);
    if (!fault) return undefined;
    if (--fault.count <= 0) this.faults.delete(userId);
    return fault.status;
  }
}
