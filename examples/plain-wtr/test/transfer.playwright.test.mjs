// The same transfer with Playwright (node --test), against the Chromium already on the machine.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { addVirtualAuthenticator, startEmulator } from 'passkey-elements/testing/playwright';
import { createBackend } from '../backend.js';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.map': 'application/json' };
let emulator, server, browser, origin;

before(async () => {
  // The app as it is deployed: its page and files, and its backend, on one origin.
  server = createServer(async (request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    const route = backend[path];
    if (route) return response.end(JSON.stringify(await route(JSON.parse((await body(request)) || '{}'))));
    const file = path === '/' ? 'index.html' : path.slice(1);
    if (!/^(index\.html|app\.js|node_modules\/passkey-elements\/dist\/cdn\/[\w./-]+)$/.test(file)) {
      return response.writeHead(404).end();
    }
    response.writeHead(200, { 'content-type': TYPES[file.slice(file.lastIndexOf('.'))] ?? 'text/plain' });
    response.end(await readFile(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://localhost:${server.address().port}`;
  emulator = await startEmulator({
    origins: [origin],
    rules: { defaultState: 'ALLOW', actions: { 'high-value-transfer': 'CHALLENGE_REQUIRED' } },
  });
  backend = createBackend({ apiUrl: emulator.baseUrl, secret: emulator.secret, tenantId: emulator.tenantId });
  browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium' });
});
after(async () => {
  await browser?.close();
  await emulator?.close();
  server?.close();
});
let backend;
const body = async (request) => {
  let text = '';
  for await (const chunk of request) text += chunk;
  return text;
};

test('a large transfer is sent after the customer adds a passkey and confirms with it', async () => {
  const page = await browser.newPage();
  await addVirtualAuthenticator(page);
  await page.goto(origin);
  await page.locator('passkey-enroll').getByRole('button').click();
  await page.getByText('Passkey added.').waitFor();
  await page.getByLabel('Amount').fill('7500');
  await page.getByRole('button', { name: 'Send' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Confirm with passkey' }).click();
  await page.getByText('Sent after confirmation.').waitFor();
  assert.equal(await page.getByRole('dialog').isVisible(), false);
});
