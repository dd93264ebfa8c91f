import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The element that holds the page's one conditional request (the SDK's pending flag is page-wide). */
let holder: AutofillController | undefined;

type WebAuthnCall = (options?: CredentialRequestOptions & CredentialCreationOptions) => Promise<Credential | null>;

/**
 * The page's passkey autofill: the one conditional WebAuthn request (`mediation: 'conditional'`)
 * that the SDK's `signIn({ autofill: true })` starts, and the browser answers when the person picks
 * a passkey from a field's suggestions.
 *
 * Why it wraps `navigator.credentials`: the SDK (1.16) takes no AbortSignal and has no cancel;
 * only its own next ceremony aborts a pending request, and the browser refuses any other WebAuthn
 * request until the pending one has ended. So, while our request is in flight, and only then, this
 * page's `navigator.credentials.get`/`create` are wrapped (own properties over the prototype's
 * methods, removed when the request ends): the conditional request goes to the browser with a
 * signal that follows both the SDK's and ours, so that aborting ours really ends it in the browser
 * (the SDK rethrows the `AbortError`, which we drop); any other request (a click's modal sign-in,
 * a step-up, an enrollment, the host's own code) first ends ours and waits until the browser has
 * let it go, then runs, and ours is made anew once it is over.
 */
export class AutofillController implements ReactiveController {
  /**
   * A conditional request's challenge expires (after five minutes at the emulator): a request
   * nobody answered is made anew before that, so that a passkey picked late still verifies.
   */
  static refreshMs = 4 * 60_000;

  /** Aborts the current request; undefined when none is in flight. */
  #abort?: AbortController;
  /** The current run, settled; undefined when none. */
  #running?: Promise<unknown>;
  /** The person picked a passkey: the browser's part is over, and the run is a verification now. */
  #picked = false;
  #timer?: ReturnType<typeof setTimeout>;
  #restore?: () => void;
  /** What to call once the current run has ended, to make the request anew. */
  #resume?: () => void;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Takes the page's conditional request for this element; false when another element holds it. */
  claim(): boolean {
    if (holder && holder !== this) return false;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the page-wide holder is this controller
    holder = this;
    return true;
  }

  /** Whether a request (or the verification of a picked passkey) is in flight. Set at once by `run()`. */
  get active(): boolean {
    return !!this.#running;
  }

  /**
   * Runs `request` (the SDK's autofill sign-in) with the page's conditional request made
   * abortable, once any earlier run has ended. Answers what it answered, or undefined when it was
   * ended from here (`stop()`, a refresh, another WebAuthn request), which is not the person's
   * doing. `resume` is called when the request should be made anew: after a refresh, and after
   * another request has ended.
   */
  run<T>(request: () => Promise<T>, resume: () => void): Promise<T | undefined> {
    const previous = this.#running;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    const again = () => {
      if (holder !== this) return;
      if (this.#running) this.#resume = resume;
      else resume();
    };
    const running = (async () => {
      await previous;
      if (abort.signal.aborted) return undefined;
      this.#picked = false;
      // This run's own wrapper and timer, undone by this run whatever runs after it.
      const restore = (this.#restore = intercept(abort.signal, () => {
        // Another request needs the browser: ours lets go, and comes back once that one is over.
        abort.abort();
        return again;
      }));
      const timer = (this.#timer = setTimeout(() => {
        abort.abort();
        again();
      }, AutofillController.refreshMs));
      try {
        const answer = await request();
        return this.#picked || !abort.signal.aborted ? answer : undefined;
      } finally {
        clearTimeout(timer);
        restore();
        if (this.#abort === abort) this.#end();
      }
    })();
    this.#running = running.catch(() => undefined);
    return running;
  }

  /** The person picked a passkey: nothing from here may end the run now. */
  picked(): void {
    this.#picked = true;
    clearTimeout(this.#timer);
    this.#restore?.();
    this.#restore = undefined;
  }

  /** Ends the pending request, if any; resolves once the browser has let it go. */
  async stop(): Promise<void> {
    const running = this.#running;
    this.#abort?.abort();
    this.#resume = undefined;
    await running;
  }

  /** Gives the page's conditional request up (a later autofill element may take it). */
  release(): void {
    void this.stop();
    if (holder === this) holder = undefined;
  }

  hostDisconnected(): void {
    this.release();
  }

  #end(): void {
    const resume = this.#resume;
    this.#abort = this.#running = this.#restore = this.#resume = undefined;
    resume?.();
  }
}

/**
 * Wraps `navigator.credentials.get` and `create` until the returned function is called: see
 * AutofillController. `yieldTo` ends our request and answers what to call once the other is over.
 */
function intercept(signal: AbortSignal, yieldTo: () => () => void): () => void {
  const container = navigator.credentials as unknown as Record<'get' | 'create', WebAuthnCall>;
  /** The browser's conditional request, settled. */
  let pending: Promise<unknown> | undefined;
  const restores = (['get', 'create'] as const).map((name) => {
    const own = Object.hasOwn(container, name);
    const original = container[name]!;
    const wrapper: WebAuthnCall = async (options) => {
      if (name === 'get' && options?.mediation === 'conditional' && !pending) {
        if (signal.aborted) throw new DOMException('The conditional request was ended.', 'AbortError');
        const both = new AbortController();
        for (const one of [options.signal, signal]) {
          if (one?.aborted) both.abort(one.reason);
          one?.addEventListener('abort', () => both.abort(one.reason), { once: true });
        }
        const request = original.call(container, { ...options, signal: both.signal });
        pending = request.catch(() => undefined);
        return request;
      }
      const then = yieldTo();
      await pending;
      try {
        return await original.call(container, options);
      } finally {
        then();
      }
    };
    container[name] = wrapper;
    return () => {
      if (container[name] !== wrapper) return;
      if (own) container[name] = original;
      else delete (container as Partial<typeof container>)[name];
    };
  });
  return () => restores.forEach((restore) => restore());
}
