import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import puppeteer from 'puppeteer-core';
import { ensureBrowsers } from './ensure-browsers.js';

/**
 * `npm run screenshots` (after the build): docs/themes.html in headless Chromium, once per theme
 * of the README, into docs/theme-light.png, docs/theme-dark.png and docs/theme-brand.png.
 */
const THEMES = ['light', 'dark', 'brand'] as const;
const TYPES: Record<string, string> = { html: 'text/html', css: 'text/css', js: 'text/javascript' };

const server = createServer(async (request, response) => {
  const path = new URL(request.url ?? '/', 'http://x').pathname;
  if (!/^\/(docs|dist\/cdn)\/[\w.-]+$/.test(path)) return void response.writeHead(404).end();
  try {
    const body = await readFile(`.${path}`);
    response.writeHead(200, { 'content-type': TYPES[path.split('.').pop()!] ?? 'text/plain' }).end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
const browser = await puppeteer.launch({
  executablePath: ensureBrowsers().chromium,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-component-update', '--disable-background-networking'],
});
try {
  for (const theme of THEMES) {
    const page = await browser.newPage();
    await page.setViewport({ width: 1100, height: 200, deviceScaleFactor: 1 });
    // The system prefers dark in every shot: the light and brand themes pin light anyway.
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    await page.goto(`${origin}/docs/themes.html?theme=${theme}`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 10_000 });
    await page.screenshot({ path: `docs/theme-${theme}.png` });
    await page.close();
  }
  console.log(`wrote ${THEMES.map((theme) => `docs/theme-${theme}.png`).join(', ')}`);
} finally {
  await browser.close();
  server.close();
}
