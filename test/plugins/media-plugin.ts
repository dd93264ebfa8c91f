import type { TestRunnerPlugin } from '@web/test-runner';

interface PuppeteerPage {
  emulateMediaFeatures(features: { name: string; value: string }[] | undefined): Promise<void>;
}

/**
 * `media:emulate` sets CSS media features on the test page through the Chrome DevTools Protocol,
 * `forced-colors` included (which @web/test-runner-commands' emulateMedia does not offer).
 * Payload: `{ features: [{ name, value }] }`; an empty list resets them. Chromium only.
 */
export function mediaPlugin(): TestRunnerPlugin {
  return {
    name: 'media-emulation',
    async executeCommand({ command, payload, session }) {
      if (command !== 'media:emulate') return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error('media:emulate needs the Chrome launcher');
      const page = (session.browser as unknown as { getPage(id: string): PuppeteerPage }).getPage(session.id);
      const { features } = (payload ?? {}) as { features?: { name: string; value: string }[] };
      await page.emulateMediaFeatures(features?.length ? features : undefined);
      return {};
    },
  };
}
