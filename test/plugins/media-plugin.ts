import type { TestRunnerPlugin } from '@web/test-runner';

interface CdpSession {
  send(method: string, params?: object): Promise<unknown>;
}
interface PuppeteerPage {
  createCDPSession(): Promise<CdpSession>;
}

/**
 * `media:emulate` sets CSS media features on the test page through the Chrome DevTools Protocol,
 * `forced-colors` included (neither @web/test-runner-commands' emulateMedia nor puppeteer's
 * emulateMediaFeatures accept it). Payload: `{ features: [{ name, value }] }`; an empty list
 * resets them. Chromium only.
 */
export function mediaPlugin(): TestRunnerPlugin {
  const sessions = new WeakMap<object, Promise<CdpSession>>();
  return {
    name: 'media-emulation',
    async executeCommand({ command, payload, session }) {
      if (command !== 'media:emulate') return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error('media:emulate needs the Chrome launcher');
      const page = (session.browser as unknown as { getPage(id: string): PuppeteerPage }).getPage(session.id);
      let cdp = sessions.get(page);
      if (!cdp) sessions.set(page, (cdp = page.createCDPSession()));
      const { features = [] } = (payload ?? {}) as { features?: { name: string; value: string }[] };
      await (await cdp).send('Emulation.setEmulatedMedia', { media: '', features });
      return {};
    },
  };
}
