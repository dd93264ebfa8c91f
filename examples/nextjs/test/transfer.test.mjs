// `next start` (server-rendered page, API routes) against the emulator, in the Chromium on the machine.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { addVirtualAuthenticator, startEmulator } from 'passkey-elements/testing/playwright';

let emulator, next, browser, origin;
/** The first test's page: its virtual authenticator holds the customer's passkey, which the sign-in test uses. */
let customerPage;

const freePort = () =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

before(async () => {
  const port = await freePort();
  origin = `http://localhost:${port}`;
  emulator = await startEmulator({
    origins: [origin],
    rules: { defaultState: 'ALLOW', actions: { 'high-value-transfer': 'CHALLENGE_REQUIRED' } },
  });
  next = spawn('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env: {
      ...process.env,
      AUTHSIGNAL_TENANT_ID: emulator.tenantId,
      AUTHSIGNAL_API_SECRET_KEY: emulator.secret,
      AUTHSIGNAL_API_URL: emulator.baseUrl,
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
    // Its own process group: npx starts next, which starts its server; all are stopped together.
    detached: true,
  });
  // Ready when it says so.
  await new Promise((resolve, reject) => {
    next.stdout.on('data', (chunk) => String(chunk).includes('Ready') && resolve());
    next.once('exit', (code) => reject(new Error(`next start exited with ${code}`)));
  });
  browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium' });
});
after(async () => {
  await browser?.close();
  if (next?.pid) process.kill(-next.pid);
  await emulator?.close();
});

test('the page is server-rendered, then hydrates and confirms a $7,500 transfer, with no warning', async () => {
  const html = await (await fetch(origin)).text();
  assert.match(html, /<step-up-challenge[\s>]/, 'the tags are in the server HTML');
  assert.doesNotMatch(html, /shadowroot/i, 'the server renders no element internals');

  const page = await browser.newPage();
  const problems = [];
  page.on('console', (m) => ['error', 'warning'].includes(m.type()) && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await addVirtualAuthenticator(page);
  customerPage = page;
  await page.goto(origin);
  await page.locator('passkey-enroll').getByRole('button').click();
  await page.getByText('Passkey added.').waitFor();
  await page.getByLabel('Amount').fill('7500');
  await page.getByRole('button', { name: 'Send' }).click();
  await page.getByText('Confirm the transfer of $7500').waitFor();
  await page.getByRole('dialog').getByRole('button', { name: 'Confirm with passkey' }).click();
  await page.getByText('Sent after confirmation.').waitFor();
  assert.equal(await page.getByRole('dialog').isVisible(), false);
  assert.deepEqual(problems, [], 'no console error, warning or hydration mismatch');
});

test('the sign-in page renders the element on the server: its button with JavaScript off, then hydrated, signs in', async () => {
  const html = await (await fetch(`${origin}/sign-in`)).text();
  assert.match(html, /<passkey-sign-in [^>]*><template shadowroot="open" shadowrootmode="open"><style>/);
  const off = await browser.newContext({ javaScriptEnabled: false });
  const still = await off.newPage();
  await still.goto(`${origin}/sign-in`);
  await still.locator('passkey-sign-in').getByRole('button', { name: 'Sign in with a passkey' }).waitFor();
  await off.close();

  // The customer's browser, with the passkey the first test added.
  const page = customerPage;
  const problems = [];
  page.on('console', (m) => ['error', 'warning'].includes(m.type()) && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${origin}/sign-in`);
  await page.waitForFunction(() => document.querySelector('passkey-sign-in')?.hasUpdated);
  const shadow = await page.evaluate(() => document.querySelector('passkey-sign-in').shadowRoot.innerHTML);
  assert.match(shadow, /<!--lit-part [^>]+-->/, 'hydrated: the server-rendered DOM is the one in use');
  await page.locator('passkey-sign-in').getByRole('button', { name: 'Sign in with a passkey' }).click();
  await page.waitForFunction(() => window.lastToken);
  const token = await page.evaluate(() => window.lastToken);
  const { Authsignal } = await import('@authsignal/node');
  const result = await new Authsignal({ apiSecretKey: emulator.secret, apiUrl: emulator.baseUrl }).validateChallenge({
    token,
  });
  assert.equal(result.isValid, true);
  assert.deepEqual(problems, [], 'no console error, warning or hydration mismatch');
});
