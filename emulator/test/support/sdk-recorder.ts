import type { Authsignal } from '@authsignal/node';
import type { RunningEmulator } from '../../index.js';

/** The methods of `@authsignal/node`'s client, read from its prototype (the SDK decides, not a list of ours). */
export function sdkMethods(sdk: typeof Authsignal): string[] {
  // `getRequestConfig` is private in its types: a helper, not an API method.
  return Object.getOwnPropertyNames(sdk.prototype)
    .filter((name) => name !== 'constructor' && name !== 'getRequestConfig')
    .filter((name) => typeof (sdk.prototype as unknown as Record<string, unknown>)[name] === 'function')
    .sort();
}

/**
 * Wraps an SDK client so that each call of a method records the emulator routes it reached with
 * a 2xx answer: what the README's table says each method calls.
 */
export class SdkRecorder {
  readonly routes = new Map<string, Set<string>>();
  readonly tested = new Set<string>();

  constructor(private readonly emulator: RunningEmulator) {}

  wrap(client: Authsignal): Authsignal {
    return new Proxy(client, {
      get: (target, name, receiver) => {
        const value = Reflect.get(target, name, receiver) as unknown;
        if (typeof value !== 'function' || typeof name !== 'string') return value;
        return async (...args: unknown[]) => {
          const before = this.emulator.routesServed().length;
          try {
            return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          } finally {
            const reached = this.emulator.routesServed().slice(before);
            for (const { method, route, status } of reached) {
              if (status < 200 || status > 299) continue;
              const set = this.routes.get(name) ?? new Set<string>();
              set.add(`${method} ${route.replace(/^\/v1/, '')}`);
              this.routes.set(name, set);
            }
          }
        };
      },
    });
  }

  /** Marks `methods` tested once `check` has passed (shape and refusals asserted). */
  async contract(methods: string[], check: () => Promise<void>): Promise<void> {
    await check();
    for (const m of methods) this.tested.add(m);
  }
}
