// The built app (vite build) and its backend on one origin, in the Chromium already on the machine.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { addVirtualAuthenticator, startEmulator } from 'passkey-elements/testing/playwright';
import { createBackend } from '../backend.js';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
let emulator, backend, server, browser, origin;

before(async () => {
  server = createServer(async (request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    if (backend[path]) {
      let body = '';
      for await (const chunk of request) body += chunk;
      return response.end(JSON.stringify(await backend[path](JSON.parse(body || '{}'))));
    }
    const file = path === '/' ? 'index.html' : path.slice(1);
    if (!/^(index\.html|[\w.-]+\.(js|css))$/.test(file)) return response.writeHead(404).end();
    response.writeHead(200, { 'content-type': TYPES[file.slice(file.lastIndexOf('.'))] ?? 'text/plain' });
    response.end(await readFile(`dist/browser/${file}`));
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

test('a $7,500 transfer: the token set as a property, the typed event handled, the backend validates', async () => {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (m) => ['error', 'warning'].includes(m.type()) && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await addVirtualAuthenticator(page);
  await page.goto(origin);
  await page.locator('passkey-enroll').getByRole('button').click();
  await page.getByText('Passkey added.').waitFor();
  await page.getByLabel('Amount').fill('7500');
  await page.getByRole('button', { name: 'Send' }).click();
  const dialog = page.getByRole('dialog');
  // The description is slotted: light DOM, shown inside the dialog.
  await page.getByText('Confirm the transfer of $7500').waitFor();
  await dialog.getByRole('button', { name: 'Confirm with passkey' }).click();
  await page.getByText('Sent after confirmation.').waitFor();
  assert.equal(await dialog.isVisible(), false);
  assert.deepEqual(problems, [], 'no console error or warning');
});
