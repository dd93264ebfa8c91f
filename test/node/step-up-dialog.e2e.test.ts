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
});
