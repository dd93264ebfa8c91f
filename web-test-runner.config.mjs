// Browser tests: Debian's Chromium for everything (WebAuthn through a CDP virtual authenticator),
// Firefox ESR for the files that need no WebAuthn and no CDP (`*.webauthn.test.ts` and
// `*.chromium.test.ts` are Chromium-only: Firefox has no virtual authenticator, its create()
// hangs, and it has no forced-colors emulation). Run through `npm test`, which
// loads tsx so the plugins and the emulator can be TypeScript.
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import * as puppeteer from 'puppeteer-core';
import { existsSync } from 'node:fs';
import { passkeyTestingPlugin } from './testing/wtr.ts';
import { emulatorPlugin, TEST_EMULATOR } from './test/plugins/emulator-plugin.ts';
import { mediaPlugin } from './test/plugins/media-plugin.ts';
import { sdkGate } from './test/plugins/sdk-gate-plugin.ts';
import { summaryReporter } from './test/plugins/summary-reporter.ts';

const chromiumPath = process.env.CHROME_PATH || '/usr/bin/chromium';
const firefoxPath = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const only = process.env.BROWSERS?.split(',') ?? ['chromium', 'firefox'];

const chromium = chromeLauncher({
  launchOptions: {
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-component-update', '--disable-background-networking'],
  },
  // A window per page: background tabs have no focus and Chromium refuses WebAuthn there.
  createPage: ({ context }) => context.newPage({ type: 'window' }),
});
const firefox = chromeLauncher({
  puppeteer,
  launchOptions: { browser: 'firefox', executablePath: firefoxPath, headless: true },
});

// WTR_FILES (a glob) narrows the run to some files, in the same groups.
const allTests = process.env.WTR_FILES ?? 'test/browser/**/*.test.ts';
const groups = [];
if (only.includes('chromium')) groups.push({ name: 'chromium', files: allTests, browsers: [chromium] });
if (only.includes('firefox')) {
  if (!existsSync(firefoxPath))
    throw new Error(`Firefox ESR not found at ${firefoxPath}: run npm test, or set BROWSERS=chromium`);
  groups.push({
    name: 'firefox',
    files: [allTests, '!test/browser/**/*.webauthn.test.ts', '!test/browser/**/*.chromium.test.ts'],
    browsers: [firefox],
  });
}

const gate = sdkGate();
// The testing kit integrators use (passkey-elements/testing/wtr): the emulator for the run and
// the virtual authenticators. Our own plugin adds what only this repository's tests need.
const kit = passkeyTestingPlugin(TEST_EMULATOR);

export default {
  hostname: 'localhost', // WebAuthn refuses rp id "localhost" on 127.0.0.1
  port: Number(process.env.WTR_PORT ?? 8765),
  nodeResolve: { exportConditions: ['production'] },
  // One test file and one browser at a time: the emulator's clock (advanced by expiry tests) is
  // shared by every page, and two cores gain nothing from more.
  concurrency: 1,
  concurrentBrowsers: 1,
  testFramework: { config: { timeout: 15000 } },
  // `--files` runs outside the groups, in Chromium.
  browsers: [chromium],
  groups,
  plugins: [
    gate.plugin,
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    kit,
    mediaPlugin(),
    emulatorPlugin(kit),
  ],
  // First in line: watches (and may hold or fail) every request for the SDK's file.
  middleware: [gate.middleware],
  reporters: [defaultReporter(), summaryReporter()],
};
