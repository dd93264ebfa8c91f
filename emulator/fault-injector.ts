import type { FaultOptions } from './emulator-options.js';

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
  /** Route-wide delays and failures (`EmulatorOptions.faults`); `setFaults()` replaces them. */
  constructor(public options: FaultOptions = {}) {}

  add(fault: Fault): void {
    this.faults.set(fault.userId, { ...fault });
  }

  /** Waits the configured latency; then the status a request to `path` fails with, if any. */
  async forPath(path: string): Promise<number | undefined> {
    const { latencyMs, fail } = this.options;
    if (latencyMs) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    const rule = fail?.find((f) => (typeof f.path === 'string' ? f.path === path : f.path.test(path)));
    if (!rule || (rule.rate !== undefined && Math.random() >= rule.rate)) return undefined;
    return rule.status ?? 503;
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
