import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { failureFromThrown, type PasskeyErrorCode } from '../internal/error-codes.js';

export type CeremonyState<T> =
  | { status: 'ready'; cancelled: boolean }
  | { status: 'working' }
  | { status: 'success'; result: T }
  | { status: 'error'; code: PasskeyErrorCode };

/** How a ceremony ended, for the element to turn into an event. */
export type CeremonyOutcome<T> =
  { kind: 'success'; result: T } | { kind: 'cancel' } | { kind: 'error'; code: PasskeyErrorCode };

/**
 * The ceremony state machine shared by both elements: one ceremony at a time, and a result that
 * arrives after the host was disconnected (or after `reset()`) is dropped. It never touches the
 * DOM and never dispatches events: the element does, from the outcome `run()` returns.
 */
export class CeremonyController<T> implements ReactiveController {
  private current: CeremonyState<T> = { status: 'ready', cancelled: false };
  /** Bumped by every start, reset and disconnect: a ceremony whose number is stale is ignored. */
  private generation = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  get state(): CeremonyState<T> {
    return this.current;
  }

  get busy(): boolean {
    return this.current.status === 'working';
  }

  /**
   * Runs one ceremony. Returns undefined, without running anything, when one is already in
   * progress; also undefined when the outcome arrives too late to matter.
   */
  async run(ceremony: () => Promise<T>): Promise<CeremonyOutcome<T> | undefined> {
    if (this.busy) return undefined;
    const generation = ++this.generation;
    this.set({ status: 'working' });
    let outcome: CeremonyOutcome<T>;
    try {
      outcome = { kind: 'success', result: await ceremony() };
    } catch (error) {
      outcome = failureFromThrown(error);
    }
    if (generation !== this.generation) return undefined;
    if (outcome.kind === 'success') this.set({ status: 'success', result: outcome.result });
    else if (outcome.kind === 'cancel') this.set({ status: 'ready', cancelled: true });
    else this.set({ status: 'error', code: outcome.code });
    return outcome;
  }

  /** Back to ready; a ceremony still in flight will be ignored. */
  reset(): void {
    this.generation++;
    this.set({ status: 'ready', cancelled: false });
  }

  hostDisconnected(): void {
    this.reset();
  }

  private set(state: CeremonyState<T>): void {
    this.current = state;
    this.host.requestUpdate();
  }
}
