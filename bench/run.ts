import { execFileSync } from 'node:child_process';
import { Authsignal } from '@authsignal/node';
import puppeteer from 'puppeteer-core';
import { createEmulatorHandler } from '../demo/server/emulator/index.js';
import { ensureBrowsers } from '../scripts/ensure-browsers.js';
import { startStaticSite } from '../scripts/static-site.js';
import { DEFAULT_AUTHENTICATOR } from '../test/plugins/webauthn-plugin.js';
import { updateResults } from './results-file.js';
import { bundleSizes, CDN_GZIP_BUDGET_BYTES, localeSizes } from './bundle-sizes.js';

/**
 * `npm run bench` (after `npm run build`, which it runs): bundle sizes, load and render times in
 * headless Chromium, and what one ceremony costs against the emulator. Prints a table and writes
 * bench/results.json. Times are medians of RUNS runs on this machine: compare, do not assert.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (n: number, digits = 1) => Number(n.toFixed(digits));

async function serve(): Promise<{ url: string; close(): Promise<void> }> {
  const site = await startStaticSite(['dist/cdn', 'dist/cdn/locales', 'bench/pages']);
  // The emulator needs the site's origin, known only once it listens.
  const emulator = createEmulatorHandler({
    tenantId: 'bench-tenant',
    secret: 'bench-secret',
    origins: [site.url],
    rateLimit: false,
  });
  emulator.setBaseUrl(`${site.url}/v1`);
  site.mount('/v1/', emulator.handle);
  return site;
}

execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
const { chromium } = ensureBrowsers();
const sizes = await bundleSizes();
const locales = localeSizes();
const site = await serve();
const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-component-update', '--disable-background-networking'],
});
const node = new Authsignal({ apiSecretKey: 'bench-secret', apiUrl: `${site.url}/v1`, retries: 0 });

try {
  const loads: number[] = [];
  const thousands: number[] = [];
  const translations: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await browser.newPage();
    await page.setCacheEnabled(false);
    page.on('pageerror', (e) => console.error('page error:', (e as Error).message));
    page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
    await page.goto(`${site.url}/bench/pages/load.html`);
    const result = (await page
      .waitForFunction(() => (window as any).benchResult, { timeout: 30_000 })
      .then((h) => h.jsonValue())) as {
      loadToRendered: number;
      thousand: number;
      translated: number;
    };
    loads.push(result.loadToRendered);
    thousands.push(result.thousand);
    translations.push(result.translated);
    await page.close();
  }

  const ceremonies: Record<string, { requests: number[]; clickToWebAuthn: number[]; total: number[] }> = {
    'passkey-enroll': { requests: [], clickToWebAuthn: [], total: [] },
    'step-up-challenge': { requests: [], clickToWebAuthn: [], total: [] },
  };
  for (let i = 0; i < RUNS; i++) {
    const page = await browser.newPage();
    const cdp = await page.createCDPSession();
    await cdp.send('WebAuthn.enable', { enableUI: false });
    await cdp.send('WebAuthn.addVirtualAuthenticator', { options: DEFAULT_AUTHENTICATOR });
    await page.goto(`${site.url}/bench/pages/ceremony.html`);
    await page.waitForFunction(() => 'runCeremony' in window);
    const userId = `bench-user-${i}-${Date.now()}`;
    const run = async (tag: string, token: string) => {
      const r = (await page.evaluate((t, k) => (window as any).runCeremony(t, k), tag, token)) as {
        outcome: string;
        requests: number;
        clickToWebAuthn: number;
        total: number;
      };
      if (r.outcome !== 'success') throw new Error(`${tag}: ${r.outcome}`);
      ceremonies[tag]!.requests.push(r.requests);
      ceremonies[tag]!.clickToWebAuthn.push(r.clickToWebAuthn);
      ceremonies[tag]!.total.push(r.total);
    };
    await run('passkey-enroll', (await node.track({ userId, action: 'enroll-passkey' })).token);
    await run('step-up-challenge', (await node.track({ userId, action: 'high-value-transfer' })).token);
    await page.close();
  }

  const chromiumVersion = await browser.version();
  const results = {
    date: new Date().toISOString(),
    environment: { node: process.version, chromium: chromiumVersion, runs: RUNS },
    sizes: sizes.map((s) => ({ ...s, gzipKb: round(s.gzip / 1000, 2), brotliKb: round(s.brotli / 1000, 2) })),
    locales: {
      note: 'English is inside the bundle; each other locale is fetched once, when an element first needs it.',
      sizes: locales.map((l) => ({
        locale: l.locale,
        raw: l.raw,
        gzip: l.gzip,
        brotli: l.brotli,
        gzipKb: round(l.gzip / 1000, 2),
      })),
    },
    budget: {
      cdnGzipBytes: CDN_GZIP_BUDGET_BYTES,
      cdnGzipActual: sizes[0]!.gzip,
      iifeGzipActual: sizes[1]!.gzip,
      within: sizes[0]!.gzip <= CDN_GZIP_BUDGET_BYTES && sizes[1]!.gzip <= CDN_GZIP_BUDGET_BYTES,
    },
    timingsMs: {
      scriptLoadToBothRendered: round(median(loads)),
      render1000Elements: round(median(thousands)),
      firstOtherLanguage: round(median(translations)),
      enroll: {
        requestsPerCeremony: median(ceremonies['passkey-enroll']!.requests),
        clickToWebAuthnCall: round(median(ceremonies['passkey-enroll']!.clickToWebAuthn)),
        clickToSuccess: round(median(ceremonies['passkey-enroll']!.total)),
      },
      stepUp: {
        requestsPerCeremony: median(ceremonies['step-up-challenge']!.requests),
        clickToWebAuthnCall: round(median(ceremonies['step-up-challenge']!.clickToWebAuthn)),
        clickToSuccess: round(median(ceremonies['step-up-challenge']!.total)),
      },
    },
  };
  updateResults(results);

  const rows: [string, string][] = [
    ...sizes.map((s): [string, string] => [
      s.name,
      `${(s.gzip / 1000).toFixed(2)} kB gzip · ${(s.brotli / 1000).toFixed(2)} kB brotli`,
    ]),
    [
      'CDN budget',
      `${results.budget.within ? 'within' : 'OVER'}: ${sizes[0]!.gzip} (module), ${sizes[1]!.gzip} (classic) of ${CDN_GZIP_BUDGET_BYTES} bytes gzip`,
    ],
    ['script load → both elements rendered', `${results.timingsMs.scriptLoadToBothRendered} ms`],
    ['render 1,000 elements', `${results.timingsMs.render1000Elements} ms`],
    ['element in a new language (de) → translated, fetch included', `${results.timingsMs.firstOtherLanguage} ms`],
    ...locales.map((l): [string, string] => [
      `locale ${l.locale} (on demand)`,
      `${(l.gzip / 1000).toFixed(2)} kB gzip · ${(l.brotli / 1000).toFixed(2)} kB brotli`,
    ]),
    ['enroll: requests per ceremony', String(results.timingsMs.enroll.requestsPerCeremony)],
    ['enroll: click → WebAuthn call', `${results.timingsMs.enroll.clickToWebAuthnCall} ms`],
    ['enroll: click → success', `${results.timingsMs.enroll.clickToSuccess} ms`],
    ['step-up: requests per ceremony', String(results.timingsMs.stepUp.requestsPerCeremony)],
    ['step-up: click → WebAuthn call', `${results.timingsMs.stepUp.clickToWebAuthnCall} ms`],
    ['step-up: click → success', `${results.timingsMs.stepUp.clickToSuccess} ms`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\n| ${'measure'.padEnd(width)} | value |\n| ${'-'.repeat(width)} | ----- |`);
  for (const [k, v] of rows) console.log(`| ${k.padEnd(width)} | ${v} |`);
  console.log(
    `\n(medians of ${RUNS} runs, Chromium ${chromiumVersion}, Node ${process.version}; written to bench/results.json)`,
  );
} finally {
  await browser.close();
  await site.close();
}
