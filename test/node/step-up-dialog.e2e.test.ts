import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { startStaticSite, type StaticSite } from '../../scripts/static-site.js';
import { launchChromium } from './support/chromium.js';

/**
 * A modal `<step-up-challenge>`'s dialog is a CDN file of its own (passkey-elements-dialog.js),
 * downloaded after the element's first update. Its download failing must not leave the page
 * waiting on a dialog that never shows: the element clears `open` and reports `network`; its next
 * update downloads the file again, and opening it shows the dialog.
 */
describe('passkey-elements.js: a modal step-up whose dialog fails to download (Chromium)', () => {
  let site: StaticSite;
  let browser: Browser;
  let page: Page;

  before(async () => {
    site = await startStaticSite(['dist/cdn']);
    site.mount('/page', (_: unknown, response: ServerResponse) =>
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>
          <step-up-challenge tenant-id="tenant" modal open><span slot="description">Confirm</span></step-up-challenge>
          <script>window.errors = []; document.addEventListener('step-up-challenge-error', (e) => errors.push(e.detail));</script>
          <script type="module" src="/dist/cdn/passkey-elements.js"></script></body></html>`,
      ),
    );
    browser = await launchChromium();
    page = await browser.newPage();
  });

  after(async () => {
    await browser?.close();
    await site?.close();
  });

  it('reports network and closes, then shows the dialog when opened again', async () => {
    const dialogRequests: string[] = [];
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (!request.url().includes('passkey-elements-dialog.js')) return void request.continue();
      dialogRequests.push(new URL(request.url()).pathname);
      if (dialogRequests.length === 1) void request.respond({ status: 503, body: '' });
      else void request.continue();
    });
    await page.goto(`${site.url}/page`);
    await page.waitForFunction(() => (window as unknown as { errors: unknown[] }).errors.length === 1);
    assert.deepEqual(await page.evaluate(() => (window as unknown as { errors: unknown[] }).errors), [
      {
        code: 'network',
        message: 'We could not reach the server. Check your connection and try again.',
        method: null,
      },
    ]);
    assert.equal(await page.$eval('step-up-challenge', (el) => el.hasAttribute('open')), false, 'no longer open');
    const shown = await page.$eval('step-up-challenge', async (el) => {
      const stepUp = el as HTMLElement & { open: boolean; updateComplete: Promise<boolean> };
      stepUp.open = true;
      await stepUp.updateComplete;
      return stepUp.shadowRoot!.querySelector('dialog')?.matches(':modal');
    });
    assert.equal(shown, true, 'the dialog shows');
    // Once more, by the update that cleared `open` (the failure's own), or by the opening.
    assert.equal(dialogRequests.length, 2, 'downloaded again');
    assert.equal((await page.evaluate(() => (window as unknown as { errors: unknown[] }).errors)).length, 1);
  });
});
