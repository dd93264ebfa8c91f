import type { TestRunnerPlugin } from '@web/test-runner';
import type { EmulatorOptions, OutboxMessage, RunningEmulator } from '../emulator/index.js';
import { startEmulator } from '../emulator/public.js';
import { VirtualAuthenticators, type VirtualAuthenticatorOptions } from './virtual-authenticators.js';

/** Options of `passkeyTestingPlugin()`: the emulator's, all optional. */
export interface PasskeyTestingOptions extends Omit<EmulatorOptions, 'port' | 'dataFile'> {
  /** Origins the emulator allows. Default: the test server's own (`http://localhost:<port>`). */
  origins?: string[];
  /**
   * The per-minute limit on client requests. Default: none, unlike the emulator's own default (30
   * a minute per address): every page of a test run comes from one address, and a suite that signs
   * in a dozen times a minute would meet it. Pass one to test your handling of `rate-limited`.
   */
  rateLimit?: EmulatorOptions['rateLimit'];
}

interface PuppeteerPage {
  createCDPSession(): Promise<{
    send(method: string, params?: object): Promise<unknown>;
    on(event: string, listener: (params: unknown) => void): unknown;
  }>;
}

/**
 * For `web-test-runner.config.mjs`: starts one Authsignal-compatible emulator for the run (in
 * memory, on a free port, allowing the test server's origin) and stops it after, and registers the
 * `passkey:*` commands that `passkey-elements/testing` calls from the browser: the emulator's
 * address, `track` and `validateChallenge` as your backend would call them, the codes it "sent",
 * its clock, and Chromium's virtual authenticators (Chrome launcher only).
 */
export function passkeyTestingPlugin(options: PasskeyTestingOptions = {}): TestRunnerPlugin & {
  /** The running emulator, once the test server has started. */
  readonly emulator: RunningEmulator | undefined;
} {
  let emulator: RunningEmulator | undefined;
  const pages = new WeakMap<object, VirtualAuthenticators>();

  const server = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${emulator!.baseUrl}${path}`, {
      method,
      headers: { authorization: `Basic ${btoa(`${emulator!.secret}:`)}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`emulator ${method} ${path}: ${response.status} ${JSON.stringify(answer)}`);
    return answer;
  };

  const authenticatorsOf = (session: { id: string; browser: { type: string } }) => {
    if (session.browser.type !== 'puppeteer') {
      throw new Error(
        `virtual authenticators need the Chrome launcher (@web/test-runner-chrome); this is ${session.browser.type}`,
      );
    }
    const page = (session.browser as unknown as { getPage(id: string): PuppeteerPage }).getPage(session.id);
    let authenticators = pages.get(page);
    if (!authenticators) {
      const cdp = page.createCDPSession();
      authenticators = new VirtualAuthenticators({
        send: async (method, params) => (await cdp).send(method, params),
        on: (event, listener) => void cdp.then((session) => session.on(event, listener)),
      });
      pages.set(page, authenticators);
    }
    return authenticators;
  };

  return {
    name: 'passkey-testing',
    get emulator() {
      return emulator;
    },
    async serverStart({ config }) {
      emulator = await startEmulator({
        printOutbox: false,
        rpId: 'localhost',
        rateLimit: false,
        ...options,
        origins: options.origins ?? [`http://${config.hostname ?? 'localhost'}:${config.port}`],
      });
    },
    async serverStop() {
      await emulator?.close();
    },
    async executeCommand({ command, payload, session }) {
      if (!command.startsWith('passkey:')) return undefined;
      const args = (payload ?? {}) as Record<string, any>;
      switch (command) {
        case 'passkey:config':
          return { baseUrl: emulator!.baseUrl, tenantId: emulator!.tenantId };
        case 'passkey:track': {
          const { userId, action, scope, attributes } = args as {
            userId: string;
            action: string;
            scope?: string;
            attributes?: Record<string, unknown>;
          };
          const path = `/users/${encodeURIComponent(userId)}/actions/${encodeURIComponent(action)}`;
          return server('POST', path, { ...attributes, ...(scope ? { scope } : {}) }) as Promise<unknown>;
        }
        case 'passkey:validate':
          return server('POST', '/validate', { token: args.token, userId: args.userId, action: args.action });
        case 'passkey:outbox':
          return emulator!.outbox(args.to as string | undefined) satisfies OutboxMessage[];
        case 'passkey:advance-clock':
          emulator!.advanceClock(Number(args.seconds));
          return {};
        case 'passkey:set-rules':
          // No rules: the plugin's own again.
          emulator!.setRules((args.rules ?? options.rules ?? {}) as NonNullable<EmulatorOptions['rules']>);
          return {};
        case 'passkey:reset-clock':
          emulator!.resetClock();
          return {};
        case 'passkey:add-authenticator':
          return { id: await authenticatorsOf(session).add(args.options as VirtualAuthenticatorOptions) };
        case 'passkey:remove-authenticator':
          await authenticatorsOf(session).remove(args.id as string);
          return {};
        case 'passkey:remove-authenticators':
          await authenticatorsOf(session).removeAll();
          return {};
        case 'passkey:set-user-verified':
          await authenticatorsOf(session).setUserVerified(Boolean(args.verified), args.id as string | undefined);
          return {};
        case 'passkey:set-presence':
          await authenticatorsOf(session).setPresence(Boolean(args.enabled), args.id as string | undefined);
          return {};
        case 'passkey:credentials':
          return authenticatorsOf(session).credentials(args.id as string);
        case 'passkey:credential-signals':
          return authenticatorsOf(session).signals;
        case 'passkey:clear-credentials':
          await authenticatorsOf(session).clearCredentials(args.id as string);
          return {};
        default:
          throw new Error(`passkey-elements/testing/wtr: unknown command ${command}`);
      }
    },
  };
}

export { DEFAULT_AUTHENTICATOR, type VirtualAuthenticatorOptions } from './virtual-authenticators.js';
