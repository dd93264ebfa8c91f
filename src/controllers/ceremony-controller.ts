import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { setCustomState } from '../internal/custom-states.js';
import { PasskeyElementError, type PasskeyErrorCode } from '../internal/error-codes.js';
import { webAuthnSupported } from '../internal/webauthn-support.js';

export type CeremonyState<T> =
  | { status: 'ready'; cancelled: boolean }
  | { status: 'working' }
  | { status: 'success'; result: T }
  | { status: 'error'; code: PasskeyErrorCode };

/**
 * The ceremony state machine shared by both elements: one ceremony at a time, and a result that
 * arrives after the host was disconnected (or after `reset()`) is dropped. It never touches the
 * DOM but for the host's custom state, and never dispatches events: the element does, from the
 * state `run()` ends in.
 */
export class CeremonyController<T> implements ReactiveController {
  #current: CeremonyState<T> = { status: 'ready', cancelled: false };
  /** The custom state the host shows now (exactly one at a time). */
  #shown?: string;
  /** Bumped by every start, reset and disconnect: a ceremony whose number is stale is ignored. */
  #generation = 0;

  readonly #host: ReactiveControllerHost;
  readonly #internals?: ElementInternals;

  constructor(host: ReactiveControllerHost & { attachInternals?(): ElementInternals }) {
    this.#host = host;
    this.#internals = host.attachInternals?.();
    host.addController(this);
  }

  get state(): CeremonyState<T> {
    return this.#current;
  }

  get busy(): boolean {
    return this.#current.status === 'working';
  }

  /**
   * Runs one ceremony and returns the state it ended in (`ready` with `cancelled` for a dismissed
   * prompt). Returns undefined, without running anything, when one is already in progress; also
   * undefined when the end arrives too late to matter.
   */
  async run(ceremony: () => Promise<T>): Promise<CeremonyState<T> | undefined> {
    if (this.busy) return undefined;
    const generation = ++this.#generation;
    this.#set({ status: 'working' });
    let state: CeremonyState<T>;
    try {
      state = { status: 'success', result: await ceremony() };
    } catch (error) {
      // Failures arrive classified (the SDK module maps what the SDK and the browser threw);
      // anything else is a fault of ours.
      const code = error instanceof PasskeyElementError ? error.code : 'unknown';
      state = code === 'cancel' ? { status: 'ready', cancelled: true } : { status: 'error', code };
    }
    if (generation !== this.#generation) return undefined;
    this.#set(state);
    return state;
  }

  /** Back to ready; a ceremony still in flight will be ignored. */
  reset(): void {
    this.#generation++;
    this.#set({ status: 'ready', cancelled: false });
  }

  hostDisconnected(): void {
    this.reset();
  }

  hostUpdated(): void {
    const shown = webAuthnSupported() ? this.#current.status : 'unsupported';
    if (shown === this.#shown) return;
    setCustomState(this.#internals, this.#shown, shown);
    this.#shown = shown;
  }

  #set(state: CeremonyState<T>): void {
    this.#current = state;
    this.#host.requestUpdate();
  }
}
