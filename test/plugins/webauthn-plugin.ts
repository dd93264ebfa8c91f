import type { TestRunnerPlugin } from '@web/test-runner';

/**
 * Chrome DevTools Protocol virtual authenticators as wtr server commands (`webauthn:*`).
 * One CDP session per page, kept attached: detaching it would drop the authenticators.
 */
interface CdpSession {
  send(method: string, params?: object): Promise<unknown>;
}
interface PuppeteerPage {
  browser(): { protocol?: string };
  createCDPSession(): Promise<CdpSession>;
}
interface PageState {
  cdp: CdpSession;
  authenticators: Set<string>;
}

/** A platform authenticator with resident keys and user verification that always succeeds. */
export const DEFAULT_AUTHENTICATOR = {
  protocol: 'ctap2',
  transport: 'internal',
  hasResidentKey: true,
  hasUserVerification: true,
  isUserVerified: true,
  automaticPresenceSimulation: true,
} as const;

export function webauthnPlugin(): TestRunnerPlugin {
  const pages = new WeakMap<object, Promise<PageState>>();

  const stateFor = (page: PuppeteerPage): Promise<PageState> => {
    let state = pages.get(page);
    if (!state) {
      state = (async () => {
        const cdp = await page.createCDPSession();
        await cdp.send('WebAuthn.enable', { enableUI: false });
        return { cdp, authenticators: new Set<string>() };
      })();
      pages.set(page, state);
    }
    return state;
  };

  return {
    name: 'webauthn-virtual-authenticator',
    async executeCommand({ command, payload, session }) {
      if (!command.startsWith('webauthn:')) return undefined;
      if (session.browser.type !== 'puppeteer') {
        throw new Error(`webauthn commands need the Chrome launcher; this is ${session.browser.type}`);
      }
      const page = (session.browser as unknown as { getPage(id: string): PuppeteerPage }).getPage(session.id);
      const protocol = page.browser().protocol;
      if (protocol && protocol !== 'cdp') throw new Error(`webauthn commands need CDP; this page uses ${protocol}`);
      const { cdp, authenticators } = await stateFor(page);
      const args = (payload ?? {}) as Record<string, unknown>;

      switch (command) {
        case 'webauthn:add-authenticator': {
          const { authenticatorId } = (await cdp.send('WebAuthn.addVirtualAuthenticator', {
            options: { ...DEFAULT_AUTHENTICATOR, ...args },
          })) as { authenticatorId: string };
          authenticators.add(authenticatorId);
          return { authenticatorId };
        }
        case 'webauthn:remove-authenticator':
          await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId: args.authenticatorId });
          authenticators.delete(args.authenticatorId as string);
          return {};
        case 'webauthn:remove-all':
          for (const authenticatorId of authenticators) {
            await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId });
          }
          authenticators.clear();
          return {};
        case 'webauthn:set-user-verified':
          await cdp.send('WebAuthn.setUserVerified', args);
          return {};
        case 'webauthn:set-presence':
          await cdp.send('WebAuthn.setAutomaticPresenceSimulation', args);
          return {};
        case 'webauthn:get-credentials':
          return cdp.send('WebAuthn.getCredentials', args);
        case 'webauthn:add-credential':
          await cdp.send('WebAuthn.addCredential', args);
          return {};
        case 'webauthn:clear-credentials':
          await cdp.send('WebAuthn.clearCredentials', args);
          return {};
        default:
          throw new Error(`Unknown command ${command}`);
      }
    },
  };
}
