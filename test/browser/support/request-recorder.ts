/**
 * Records what the SDK sends to the emulator by wrapping `window.fetch` (passing every call through
 * unchanged), so tests can replay or tamper with a captured request the way an attacker would.
 * An optional rewrite changes one outgoing body, for the tampering tests.
 */
export interface RecordedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

export class RequestRecorder {
  readonly requests: RecordedRequest[] = [];
  private readonly original = window.fetch;
  rewrite?: (url: string, body: string) => string;
  /** Awaited before a request leaves: lets a test hold a request in flight. */
  hold?: (url: string) => Promise<void> | undefined;

  install(): this {
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      let body = typeof init?.body === 'string' ? init.body : undefined;
      if (body !== undefined && this.rewrite) {
        body = this.rewrite(url, body);
        init = { ...init, body };
      }
      await this.hold?.(url);
      this.requests.push({
        url,
        method: init?.method ?? 'GET',
        headers: Object.fromEntries(new Headers(init?.headers).entries()),
        body,
      });
      return this.original.call(window, input, init);
    };
    return this;
  }

  /**
   * Holds the next request whose path ends with `pathEnd` in flight; `reached` turns true when it
   * gets there, `release()` lets it go (and holds nothing more).
   */
  holdNext(pathEnd: string): { readonly reached: boolean; release(): void } {
    let letGo!: () => void;
    const held = new Promise<void>((resolve) => (letGo = resolve));
    const gate = {
      reached: false,
      release: () => {
        this.hold = undefined;
        letGo();
      },
    };
    this.hold = (url) => {
      if (!new URL(url).pathname.endsWith(pathEnd)) return undefined;
      gate.reached = true;
      return held;
    };
    return gate;
  }

  uninstall(): void {
    window.fetch = this.original;
  }

  last(pathEnd: string): RecordedRequest {
    const found = [...this.requests].reverse().find((r) => new URL(r.url).pathname.endsWith(pathEnd));
    if (!found) throw new Error(`No request to …${pathEnd} was recorded`);
    return found;
  }

  /** Sends a recorded request again, verbatim or with a changed body; returns status and JSON. */
  async replay(
    request: RecordedRequest,
    body = request.body,
  ): Promise<{ status: number; json: Record<string, unknown> }> {
    const response = await this.original.call(window, request.url, {
      method: request.method,
      headers: request.headers,
      body,
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  }
}
