import type { ServerResponse } from 'node:http';
import type { Browser, Page } from 'puppeteer-core';
import { startStaticSite } from '../../../scripts/static-site.js';
import { launchChromium } from './chromium.js';

/** A page served beside the CDN files (dist/cdn), in Chromium, with `body` as its body. */
export interface CdnPage {
  page: Page;
  /** The page's address. */
  url: string;
  close(): Promise<void>;
}

export async function openCdnPage(body: string): Promise<CdnPage> {
  const site = await startStaticSite(['dist/cdn']);
  site.mount('/page', (_: unknown, response: ServerResponse) =>
    response
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>${body}</body></html>`,
      ),
  );
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const page = await browser.newPage();
    return {
      page,
      url: `${site.url}/page`,
      close: async () => {
        await browser?.close();
        await site.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await site.close();
    throw error;
  }
}

/**
 * Answers the page's first request for `file` with a 503, as a failed download, and lets the
 * next ones through. Returns the paths requested for it, as they come.
 */
export async function failFirstDownload(page: Page, file: string): Promise<string[]> {
  const requests: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (!request.url().includes(file)) return void request.continue();
    requests.push(new URL(request.url()).pathname);
    if (requests.length === 1) void request.respond({ status: 503, body: '' });
    else void request.continue();
  });
  return requests;
}
