import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { failFirstDownload, openCdnPage, type CdnPage } from './support/cdn-page.js';

/**
 * A modal `<step-up-challenge>`'s dialog is a CDN file of its own (passkey-elements-dialog.js),
 * downloaded after the element's first update. Its download failing must not leave the page
 * waiting on a dialog that never shows: the element clears `open` and reports `network`; its next
 * update downloads the file again, and opening it shows the dialog.
 */
describe('passkey-elements.js: a modal step-up whose dialog fails to download (Chromium)', () => {
  let cdn: CdnPage;

  before(async () => {
    cdn = await openCdnPage(
      `<step-up-challenge tenant-id="tenant" modal open><span slot="description">Confirm</span></step-up-challenge>
      <script>window.errors = []; document.addEventListener('step-up-challenge-error', (e) => errors.push(e.detail));</script>
      <script type="module" src="/dist/cdn/passkey-elements.js"></script>`,
    );
  });

  after(() => cdn?.close());

  it('reports network and closes, then shows the dialog when opened again', async () => {
    const { page } = cdn;
    const dialogRequests = await failFirstDownload(page, 'passkey-elements-dialog.js');
    await page.goto(cdn.url);
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

  it('fires nothing from an element taken off the page before the failure arrives', async () => {
    const two = await openCdnPage(
      `<step-up-challenge id="stays" tenant-id="tenant" modal open></step-up-challenge>
      <step-up-challenge id="goes" tenant-id="tenant" modal open></step-up-challenge>
      <script>window.errors = []; for (const el of document.querySelectorAll('step-up-challenge')) el.addEventListener('step-up-challenge-error', () => errors.push(el.id));</script>
      <script type="module" src="/dist/cdn/passkey-elements.js"></script>`,
    );
    try {
      const { page } = two;
      // The dialog's download is held, then answered 503.
      let fail!: () => void;
      const held = new Promise<void>((resolve) => {
        page.on('request', (request) => {
          if (!request.url().includes('passkey-elements-dialog.js')) return void request.continue();
          fail = () => void request.respond({ status: 503, body: '' });
          resolve();
        });
      });
      await page.setRequestInterception(true);
      await page.goto(two.url);
      await held;
      await page.$eval('#goes', (el) => el.remove());
      fail();
      await page.waitForFunction(() => (window as unknown as { errors: string[] }).errors.length > 0);
      // Every handler of the one failed download has run by the next task.
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve)));
      assert.deepEqual(await page.evaluate(() => (window as unknown as { errors: string[] }).errors), ['stays']);
    } finally {
      await two.close();
    }
  });
});
