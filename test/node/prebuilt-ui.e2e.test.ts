import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { Authsignal } from '@authsignal/node';
import type { Browser, Page } from 'puppeteer-core';
import { closeServer, listen } from '../../shared/http-server.js';
import { chromiumWithAuthenticator } from './support/chromium.js';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';

/**
 * Authsignal's hosted pre-built UI, served by the emulator from our own elements: `track`'s `url`
 * opened in Chromium (virtual authenticator), a passkey created for a user with nothing, then a
 * step-up, each returning to the track's `redirectUrl` with `?token=` that `validateChallenge`
 * accepts. Nothing stubbed; the app on the other end is a plain server on another port.
 */
describe('emulator: the hosted pre-built UI (Chromium, virtual authenticator)', () => {
  let app: Server;
  let appOrigin: string;
  let emulator: RunningEmulator;
  let server: Authsignal;
  let browser: Browser;
  let page: Page;

  before(async () => {
    app = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<p id="back">Back at the app</p>');
    });
    appOrigin = `http://localhost:${await listen(app, 0, '127.0.0.1')}`;
    emulator = await startEmulator({
      origins: [appOrigin],
      printOutbox: false,
      rules: { defaultState: 'ALLOW', actions: { transfer: 'CHALLENGE_REQUIRED' } },
    });
    server = new Authsignal({ apiSecretKey: emulator.secret, apiUrl: emulator.url });
    ({ browser, page } = await chromiumWithAuthenticator());
  });
  after(async () => {
    await browser?.close();
    await emulator?.close();
    if (app) await closeServer(app);
  });

  /** Opens a track's `url`, clicks the element's button, and answers the token the app got back. */
  const complete = async (url: string, selector: string): Promise<string> => {
    await page.goto(url, { waitUntil: 'networkidle0' });
    assert.doesNotMatch(page.url(), /token=/, 'the token leaves the address bar and the history');
    await page.waitForSelector(`${selector} >>> [part="button"]`);
    await Promise.all([page.waitForNavigation(), page.click(`${selector} >>> [part="button"]`)]);
    const back = new URL(page.url());
    assert.equal(`${back.origin}${back.pathname}`, `${appOrigin}/done`);
    assert.equal(await page.$eval('#back', (el) => el.textContent), 'Back at the app');
    return back.searchParams.get('token')!;
  };

  it('creates a passkey for a user with none, then returns to redirectUrl with a token that validates', async () => {
    const track = await server.track({
      userId: 'prebuilt-user',
      action: 'enroll',
      attributes: { redirectUrl: `${appOrigin}/done`, scope: 'add:authenticators', username: 'pb@example.com' },
    });
    assert.match(track.url, /\/v1\/prebuilt\/\?token=/);
    const token = await complete(track.url, 'passkey-enroll');
    const result = await server.validateChallenge({ token, userId: 'prebuilt-user', action: 'enroll' });
    assert.deepEqual([result.isValid, result.verificationMethod], [true, 'PASSKEY']);
    assert.equal((await server.getAuthenticators({ userId: 'prebuilt-user' })).length, 1);
  });

  it('steps up with the passkey for a tracked transfer, bound to that transfer', async () => {
    const track = await server.track({
      userId: 'prebuilt-user',
      action: 'transfer',
      attributes: { redirectUrl: `${appOrigin}/done?transfer=42`, idempotencyKey: 'transfer-42' },
    });
    assert.equal(track.state, 'CHALLENGE_REQUIRED');
    const token = await complete(track.url, 'step-up-challenge');
    assert.equal(new URL(page.url()).searchParams.get('transfer'), '42', 'the redirect URL keeps its own query');
    const result = await server.validateChallenge({ token, userId: 'prebuilt-user', action: 'transfer' });
    assert.deepEqual(
      [result.isValid, result.idempotencyKey, result.verificationMethod],
      [true, 'transfer-42', 'PASSKEY'],
    );
  });

  it('refuses a forged, expired or missing token with a page that says so, and is framed only in popup mode', async () => {
    for (const [query, status] of [
      ['?token=forged', 401],
      ['', 400],
    ] as const) {
      const response = await fetch(`${emulator.url}/prebuilt/${query}`);
      assert.equal(response.status, status);
      assert.match(await response.text(), /role="alert"/);
    }
    const track = await server.track({ userId: 'prebuilt-user', action: 'transfer' });
    emulator.advanceClock(601);
    try {
      const expired = await fetch(track.url);
      assert.equal(expired.status, 401);
      assert.match(await expired.text(), /expired or is not valid/);
    } finally {
      emulator.resetClock();
    }
    const plain = await fetch(track.url);
    assert.equal(plain.status, 200);
    assert.match(plain.headers.get('content-security-policy')!, /frame-ancestors 'none'/);
    assert.equal(plain.headers.get('referrer-policy'), 'no-referrer');
    const popup = await fetch(`${track.url}&mode=popup`);
    assert.match(popup.headers.get('content-security-policy')!, new RegExp(`frame-ancestors ${appOrigin}(;|$)`));
    const html = await popup.text();
    assert.doesNotMatch(html, new RegExp(track.token.slice(-20)), 'the token is not written into the page');
    // Only the CDN build's modules: no source map, no path out of its folder.
    assert.equal((await fetch(`${emulator.url}/prebuilt/assets/passkey-elements.js`)).status, 200);
    for (const asset of ['passkey-elements.js.map', '%2e%2e%2fkit%2femulator%2fcli.js', '..%2f..%2fpackage.json']) {
      assert.equal((await fetch(`${emulator.url}/prebuilt/assets/${asset}`)).status, 404, asset);
    }
  });
});
