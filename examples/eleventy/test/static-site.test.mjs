// The built site (_site) and a local Authsignal-compatible API on one origin, in the Chromium already on the machine.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { after, before, test } from 'node:test';
import { Authsignal } from '@authsignal/node';
import { chromium } from 'playwright-core';
import { createEmulatorHandler } from 'passkey-elements/emulator';
import { addVirtualAuthenticator } from 'passkey-elements/testing/playwright';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript' };
let server, browser, origin, authsignal;

before(async () => {
  let emulator;
  server = createServer(async (request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    if (path.startsWith('/v1/')) return emulator.handle(request, response);
    const file = path.endsWith('/') ? `${path}index.html` : path;
    if (!/^(\/[\w-]+)*\/[\w.-]+$/.test(file)) return response.writeHead(404).end();
    try {
      const body = await readFile(`_site${file}`);
      response.writeHead(200, { 'content-type': TYPES[file.slice(file.lastIndexOf('.'))] ?? 'text/plain' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://localhost:${server.address().port}`;
  emulator = createEmulatorHandler({
    tenantId: 'static-tenant',
    secret: 'static-secret',
    origins: [origin],
    printOutbox: false,
  });
  emulator.setBaseUrl(`${origin}/v1`);
  authsignal = new Authsignal({ apiSecretKey: 'static-secret', apiUrl: `${origin}/v1` });
  browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium' });
});
after(async () => {
  await browser?.close();
  server?.close();
});

test('the prerendered sign-in page shows its styled button with JavaScript off', async () => {
  const html = await readFile('_site/index.html', 'utf8');
  assert.match(html, /<passkey-sign-in [^>]*><template shadowroot="open" shadowrootmode="open"><style>/);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(origin);
  const button = page.locator('passkey-sign-in').getByRole('button', { name: 'Sign in with a passkey' });
  await button.waitFor();
  assert.equal(await button.evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(29, 78, 216)');
  await context.close();
});

test('hydrates with no console message, keeps the prerendered button, and signs in with a passkey', async () => {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (m) => problems.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(e.message));
  await addVirtualAuthenticator(page);
  // A passkey first, from the prerendered enrollment page.
  await page.goto(`${origin}/enroll/`);
  const { token } = await authsignal.track({
    userId: 'static-user',
    action: 'enroll',
    attributes: { username: 'static@example.com' },
  });
  await page.waitForFunction(() => document.getElementById('enroll').hasUpdated);
  await page.evaluate((t) => (document.getElementById('enroll').token = t), token);
  await page.locator('passkey-enroll').getByRole('button').click();
  await page.waitForFunction(() => window.lastToken);
  assert.equal(
    (await authsignal.validateChallenge({ token: await page.evaluate(() => window.lastToken) })).isValid,
    true,
  );

  // The sign-in page: hydration keeps the server's DOM, and its part markers with it (drawing the
  // shadow root again, as an element without Lit's hydration support does, would remove them).
  await page.goto(origin);
  await page.waitForFunction(() => document.querySelector('passkey-sign-in').hasUpdated);
  const shadow = await page.evaluate(() => document.querySelector('passkey-sign-in').shadowRoot.innerHTML);
  assert.match(shadow, /<!--lit-part [^>]+-->/, 'hydrated, not drawn again');
  assert.equal(shadow.match(/part="button"/g).length, 1);
  await page.locator('passkey-sign-in').getByRole('button', { name: 'Sign in with a passkey' }).click();
  await page.waitForFunction(() => window.lastToken);
  const signIn = await authsignal.validateChallenge({ token: await page.evaluate(() => window.lastToken) });
  assert.deepEqual([signIn.isValid, signIn.userId], [true, 'static-user']);
  assert.deepEqual(problems, [], 'no console message, no error');
});
