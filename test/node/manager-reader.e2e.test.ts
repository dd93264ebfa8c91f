import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { startStaticSite, type StaticSite } from '../../scripts/static-site.js';
import { launchChromium } from './support/chromium.js';

/**
 * `<passkey-manager>`'s list reader is a CDN file of its own (passkey-manager-authenticators.js),
 * fetched beside the token after the element paints. Its download failing must end in the
 * `network` error, and `refresh()` must fetch it again and read. The token URL here answers 404,
 * so a read that ran ends in `server`: the reader arrived and did its part.
 */
describe('passkey-manager.js: its list reader fails to download (Chromium)', () => {
  let site: StaticSite;
  let browser: Browser;
  let page: Page;

  before(async () => {
    site = await startStaticSite(['dist/cdn']);
    site.mount('/page', (_: unknown, response: ServerResponse) =>
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>
          <passkey-manager tenant-id="tenant" base-url="/v1" token-url="/no-token" methods="EMAIL_OTP"></passkey-manager>
          <script>window.errors = []; document.addEventListener('passkey-manager-error', (e) => errors.push(e.detail.code));</script>
          <script type="module" src="/dist/cdn/passkey-manager.js"></script></body></html>`,
      ),
    );
    browser = await launchChromium();
    page = await browser.newPage();
  });

  after(async () => {
    await browser?.close();
    await site?.close();
  });

  it('reports network, then reads on refresh()', async () => {
    const readerRequests: string[] = [];
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (!request.url().includes('passkey-manager-authenticators.js')) return void request.continue();
      readerRequests.push(new URL(request.url()).pathname);
      if (readerRequests.length === 1) void request.respond({ status: 503, body: '' });
      else void request.continue();
    });
    await page.goto(`${site.url}/page`);
    await page.waitForFunction(() => (window as unknown as { errors: string[] }).errors.length === 1);
    assert.deepEqual(await page.evaluate(() => (window as unknown as { errors: string[] }).errors), ['network']);
    assert.equal(
      await page.$eval('passkey-manager', (el) => el.shadowRoot!.querySelector('[part=error]')?.textContent),
      'We could not reach the server. Check your connection and try again.',
    );
    await page.$eval('passkey-manager', (el) => (el as HTMLElement & { refresh(): Promise<void> }).refresh());
    await page.waitForFunction(() => (window as unknown as { errors: string[] }).errors.length === 2);
    assert.deepEqual(await page.evaluate(() => (window as unknown as { errors: string[] }).errors), [
      'network',
      'server',
    ]);
    assert.equal(readerRequests.length, 2, 'fetched again by refresh()');
  });
});
