import type { Authsignal } from '@authsignal/node';
import puppeteer, { type Browser, type CDPSession, type Page } from 'puppeteer-core';
import { ensureBrowsers } from '../../../scripts/ensure-browsers.js';
import { VirtualAuthenticators } from '../../../testing/virtual-authenticators.js';

/** Debian's Chromium, headless, as every browser check in this project runs it. */
export function launchChromium(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: ensureBrowsers().chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-component-update', '--disable-background-networking'],
  });
}

/** A page with a CDP virtual authenticator (resident keys, user verification that succeeds). */
export async function pageWithAuthenticator(
  browser: Browser,
  url: string,
): Promise<{ page: Page; cdp: CDPSession; authenticatorId: string }> {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error('page error:', (error as Error).message));
  const cdp = await page.createCDPSession();
  const authenticatorId = await new VirtualAuthenticators(cdp).add();
  await page.goto(url);
  return { page, cdp, authenticatorId };
}

export interface CeremonyOutcome {
  outcome: string;
  token?: string;
  total: number;
}

/** bench/pages/ceremony.html's `runCeremony`: click with the token set, wait for the element's end event. */
export function runCeremony(page: Page, tag: string, token: string): Promise<CeremonyOutcome> {
  return page.evaluate(
    (t, k) => (window as unknown as { runCeremony(t: string, k: string): Promise<CeremonyOutcome> }).runCeremony(t, k),
    tag,
    token,
  );
}

/** Enrolls `userId`'s passkey on the page's authenticator through `<passkey-enroll>`; true on success. */
export async function enrollThroughPage(page: Page, node: Authsignal, userId: string): Promise<boolean> {
  const { token } = await node.track({ userId, action: 'enroll-passkey' });
  return (await runCeremony(page, 'passkey-enroll', token)).outcome === 'success';
}
