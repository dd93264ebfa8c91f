import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { findChromium } from '../../../scripts/ensure-browsers.js';
import { VirtualAuthenticators } from '../../../testing/virtual-authenticators.js';

/** Debian's Chromium, headless, with nothing reaching out to the network by itself. */
export function launchChromium(defaultViewport?: { width: number; height: number }): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found: run npm test, which installs it.');
  return puppeteer.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-component-update', '--disable-background-networking'],
    ...(defaultViewport ? { defaultViewport } : {}),
  });
}

/** That Chromium and a page with a CDP virtual authenticator (a device's passkeys). */
export async function chromiumWithAuthenticator(): Promise<{ browser: Browser; page: Page }> {
  const browser = await launchChromium();
  const page = await browser.newPage();
  await new VirtualAuthenticators(await page.createCDPSession()).add();
  return { browser, page };
}
