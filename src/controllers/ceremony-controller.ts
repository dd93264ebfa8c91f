import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { setCustomState } from '../internal/custom-states.js';
import {
  PasskeyElementError,
  type Outcome,
  type PasskeyErrorCode,
  type ManagerErrorCode,
} from '../internal/error-codes.js';
import { webAuthnSupported } from '../internal/webauthn-support.js';

export type CeremonyState<T, C extends ManagerErrorCode = PasskeyErrorCode> =
  | { status: 'ready'; cancelled: boolean }
  | { status: 'working' }
  | { status: 'success'; result: T }
  | { status: 'error'; code: C };

/**
 * The ceremony state machine shared by both elements: one ceremony at a time, and a result that
 * arrives after the host was disconnected (or after `reset()`) is dropped. It never touches the
 * DOM but for the host's custom state, and never dispatches events: the element does, from the
 * state `run()` ends in.
 */
export class CeremonyController<T, C extends ManagerErrorCode = PasskeyErrorCode> implements ReactiveController {
  #current: CeremonyState<T, C> = { status: 'ready', cancelled: false };
  /** The custom state the host shows now (exactly one at a time). */
  #shown?: string;
  /** Bumped by every start, reset and disconnect: a ceremony whose number is stale is ignored. */
  #generation = 0;

  /** Whether the element can run its ceremony here; else its custom state is `unsupported`. */
  available: () => boolean = webAuthnSupported;
  readonly #host: ReactiveControllerHost;
  readonly #internals?: ElementInternals;

  constructor(host: ReactiveControllerHost & { attachInternals?(): ElementInternals }) {
    this.#host = host;
    this.#internals = host.attachInternals?.();
    host.addController(this);
  }

  get state(): CeremonyState<T, C> {
    return this.#current;
  }

  get busy(): boolean {
    return this.#current.status === 'working';
  }

  /**
   * Runs one ceremony and returns the state it ended in: its answer's data (success), its code
   * (error; `cancel` is a dismissed prompt: `ready` with `cancelled`), or no data (`ready`, a step
   * such as a code sent). Returns undefined, without running anything, when one is already in
   * progress; also undefined when the end arrives too late to matter.
   */
  async run(ceremony: () => Promise<Outcome<T | undefined>>): Promise<CeremonyState<T, C> | undefined> {
    if (this.busy) return undefined;
    const generation = ++this.#generation;
    this.#set({ status: 'working' });
    let outcome: Outcome<T | undefined>;
    try {
      outcome = await ceremony();
    } catch (error) {
      // What a step throws arrives classified (a failed download of the SDK is `network`);
      // anything else is a fault of ours.
      outcome = { code: error instanceof PasskeyElementError ? error.code : 'unknown' };
    }
    const state: CeremonyState<T, C> =
      'code' in outcome
        ? outcome.code === 'cancel'
          ? { status: 'ready', cancelled: true }
          : { status: 'error', code: outcome.code as C }
        : outcome.data
          ? { status: 'success', result: outcome.data }
          : { status: 'ready', cancelled: false };
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
    const shown = this.available() ? this.#current.status : 'unsupported';
    if (shown === this.#shown) return;
    setCustomState(this.#internals, this.#shown, shown);
    this.#shown = shown;
  }

  #set(state: CeremonyState<T, C>): void {
    this.#current = state;
    this.#host.requestUpdate();
  }
}
