import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { failFirstDownload, openCdnPage, type CdnPage } from './support/cdn-page.js';

/**
 * `<passkey-manager>`'s list reader is a CDN file of its own (passkey-manager-authenticators.js),
 * fetched beside the token after the element paints. Its download failing must end in the
 * `network` error, and `refresh()` must fetch it again and read. The token URL here answers 404,
 * so a read that ran ends in `server`: the reader arrived and did its part.
 */
describe('passkey-manager.js: its list reader fails to download (Chromium)', () => {
  let cdn: CdnPage;

  before(async () => {
    cdn = await openCdnPage(
      `<passkey-manager tenant-id="tenant" base-url="/v1" token-url="/no-token" methods="EMAIL_OTP"></passkey-manager>
      <script>window.errors = []; document.addEventListener('passkey-manager-error', (e) => errors.push(e.detail.code));</script>
      <script type="module" src="/dist/cdn/passkey-manager.js"></script>`,
    );
  });

  after(() => cdn?.close());

  it('reports network, then reads on refresh()', async () => {
    const { page } = cdn;
    const readerRequests = await failFirstDownload(page, 'passkey-manager-authenticators.js');
    await page.goto(cdn.url);
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
