import type { TestRunnerPlugin } from '@web/test-runner';

/** The SDK module as the test server serves it: from source, or as the CDN build's file. */
const SDK_PATH = /\/(src\/sdk\/passkey-ceremonies\.(js|ts)|dist\/cdn\/passkey-elements-sdk\.js)$/;

interface PuppeteerPage {
  setCacheEnabled(enabled: boolean): Promise<void>;
}

interface KoaContext {
  path: string;
  status: number;
  body: unknown;
  type: string;
  set(name: string, value: string): void;
}

/**
 * Stands in the way of the SDK's file (the module the elements load on intent) so that tests can
 * watch and steer its download: `sdk:requests` counts requests per path since `sdk:reset`,
 * `sdk:hold` keeps the next ones open until `sdk:release`, `sdk:fail-next` `{ count }` answers the
 * next ones with a 503 (the browser's import then fails as it does offline).
 *
 * `sdk:reset` also turns the page's HTTP cache off. A middleware, first in line: it sees every request for the file, including the revalidations
 * that the dev server's cache would answer with a 304 before any plugin's `serve` hook runs.
 */
export function sdkGate(): {
  middleware: (ctx: KoaContext, next: () => Promise<void>) => Promise<void>;
  plugin: TestRunnerPlugin;
} {
  let requests: Record<string, number> = {};
  let gate: { promise: Promise<void>; open(): void } | undefined;
  let failNext = 0;

  const middleware = async (ctx: KoaContext, next: () => Promise<void>) => {
    if (!SDK_PATH.test(ctx.path)) return next();
    requests[ctx.path] = (requests[ctx.path] ?? 0) + 1;
    await gate?.promise;
    if (failNext > 0) {
      failNext--;
      ctx.status = 503;
      ctx.type = 'js';
      ctx.set('Cache-Control', 'no-store');
      ctx.body = '/* the SDK is unavailable */';
      return;
    }
    return next();
  };

  const plugin: TestRunnerPlugin = {
    name: 'sdk-gate',
    async executeCommand({ command, payload, session }) {
      switch (command) {
        case 'sdk:reset': {
          // Every request reaches the server: the browser's cache would answer a page's second
          // import from an earlier page (another test file) without a request.
          const page = (session.browser as unknown as { getPage?(id: string): PuppeteerPage }).getPage?.(session.id);
          await page?.setCacheEnabled(false);
          requests = {};
          gate?.open();
          gate = undefined;
          failNext = 0;
          return {};
        }
        case 'sdk:requests':
          return requests;
        case 'sdk:hold': {
          let open!: () => void;
          const promise = new Promise<void>((resolve) => (open = resolve));
          gate = { promise, open };
          return {};
        }
        case 'sdk:release':
          gate?.open();
          gate = undefined;
          return {};
        case 'sdk:fail-next':
          failNext = Number((payload as { count?: number } | undefined)?.count ?? 1);
          return {};
        default:
          return undefined;
      }
    },
  };
  return { middleware, plugin };
}
