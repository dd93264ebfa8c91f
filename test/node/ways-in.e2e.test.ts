import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { Authsignal, VerificationMethod } from '@authsignal/node';
import { build } from 'esbuild';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { findChromium } from '../../scripts/ensure-browsers.js';
import { VirtualAuthenticators } from '../../testing/virtual-authenticators.js';

// Each way into the package (built by `npm test` first) completes a real step-up in Chromium
// with a virtual authenticator against the emulator, and the app gets the success event through
// its own binding: a classic script under a strict CSP, React 19 with ./react, Vue 3 templates.
const FIXTURES = 'test/fixtures/ways-in';

async function bundle(entry: string, options: Parameters<typeof build>[0] = {}): Promise<string> {
  const result = await build({
    entryPoints: [`${FIXTURES}/${entry}`],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    ...options,
  });
  return result.outputFiles![0]!.text;
}

describe('ways in: script tag + CSP, React 19, Vue 3', () => {
  let server: Server;
  let emulator: RunningEmulator;
  let browser: Browser;
  let origin = '';
  let authsignal: Authsignal;
  const bundles = new Map<string, string>();

  before(async () => {
    bundles.set('/fixtures/react-app.js', await bundle('react-app.tsx'));
    bundles.set(
      '/fixtures/vue-app.js',
      await bundle('vue-app.ts', {
        // The full build: the app's template is compiled in the browser.
        alias: { vue: 'vue/dist/vue.esm-bundler.js' },
        define: {
          'process.env.NODE_ENV': '"production"',
          __VUE_OPTIONS_API__: 'true',
          __VUE_PROD_DEVTOOLS__: 'false',
          __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
        },
      }),
    );
    server = createServer(async (request, response) => {
      const path = new URL(request.url ?? '/', 'http://x').pathname;
      const built = bundles.get(path);
      if (built) return void response.writeHead(200, { 'content-type': 'text/javascript' }).end(built);
      // The bundle copied somewhere without its locales/ folder.
      if (path === '/elsewhere/passkey-elements.iife.js') {
        const body = await readFile('dist/cdn/passkey-elements.iife.js');
        return void response.writeHead(200, { 'content-type': 'text/javascript' }).end(body);
      }
      const file = path.startsWith('/dist/cdn/')
        ? `.${path}`
        : path.startsWith('/fixtures/')
          ? `${FIXTURES}/${path.slice(10)}`
          : '';
      if (!/^[\w./-]+$/.test(file) || file.includes('..')) return void response.writeHead(404).end();
      try {
        const body = await readFile(file);
        const headers: Record<string, string> = {
          'content-type': file.endsWith('.html') ? 'text/html' : 'text/javascript',
        };
        // The strict policy of the README: scripts and styles from the page's origin only, and
        // the Authsignal API origin for connect-src.
        if (file.endsWith('iife.html')) {
          headers['content-security-policy'] =
            `default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ${new URL(emulator.url).origin}`;
        }
        response.writeHead(200, headers).end(body);
      } catch {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://localhost:${(server.address() as AddressInfo).port}`;
    emulator = await startEmulator({
      port: 0,
      tenantId: 'ways-in',
      secret: 'ways-in-secret',
      origins: [origin],
      rules: { defaultState: 'ALLOW', actions: { 'high-value-transfer': 'CHALLENGE_REQUIRED' } },
    });
    authsignal = new Authsignal({ apiSecretKey: 'ways-in-secret', apiUrl: emulator.url });
    browser = await puppeteer.launch({
      executablePath: findChromium(),
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-component-update', '--disable-background-networking'],
    });
  });
  after(async () => {
    await browser?.close();
    await emulator?.close();
    server?.close();
  });

  async function received(page: Page, type: string): Promise<{ type: string; detail: Record<string, unknown> }> {
    const handle = await page.waitForFunction(
      (t) =>
        (window as unknown as { received: { type: string }[] }).received.find(
          (r) => r.type === t || r.type.endsWith('-error'),
        ),
      { timeout: 10_000 },
      type,
    );
    const event = (await handle.jsonValue()) as { type: string; detail: Record<string, unknown> };
    assert.equal(event.type, type, JSON.stringify(event));
    return event;
  }

  /** A page of `path` with a virtual authenticator and a user who has enrolled a passkey through its <passkey-enroll>. */
  async function enrolledOn(path: string) {
    const page = await browser.newPage();
    const authenticators = new VirtualAuthenticators(await page.createCDPSession());
    const authenticatorId = await authenticators.add();
    await page.goto(`${origin}${path}`);
    await page.waitForFunction(() => 'configure' in window);
    const userId = `ways-in-${path.replace(/\W/g, '')}-${Date.now()}`;
    const base = { tenantId: 'ways-in', baseUrl: emulator.url };
    const enroll = await authsignal.track({ userId, action: 'enroll-passkey' });
    await configure(page, { ...base, enrollToken: enroll.token });
    await page.waitForSelector('#enroll >>> button');
    await page.click('#enroll >>> button');
    await received(page, 'passkey-enroll-success');
    return { page, userId, base, authenticators, authenticatorId };
  }

  const configure = (page: Page, config: object) =>
    page.evaluate((c) => (window as unknown as { configure(c: unknown): void }).configure(c), config);

  /** The paths the page requested that contain `part`. */
  const requested = (page: Page, part: string) =>
    page.evaluate(
      (p) =>
        performance
          .getEntriesByType('resource')
          .map((entry) => new URL(entry.name).pathname)
          .filter((path) => path.includes(p)),
      part,
    );

  async function stepUpThrough(path: string): Promise<Page> {
    const { page, userId, base } = await enrolledOn(path);

    const transfer = await authsignal.track({
      userId,
      action: 'high-value-transfer',
      attributes: { idempotencyKey: `tx-${userId}` },
    });
    assert.equal(transfer.state, 'CHALLENGE_REQUIRED');
    await configure(page, { ...base, stepUpToken: transfer.token });
    await page.click('#step-up >>> [part="button"]');
    const success = await received(page, 'step-up-challenge-success');
    const validation = await authsignal.validateChallenge({
      token: success.detail.token as string,
      userId,
      action: 'high-value-transfer',
    });
    assert.equal(validation.isValid, true);
    assert.equal(validation.state, 'CHALLENGE_SUCCEEDED');
    assert.equal(validation.idempotencyKey, `tx-${userId}`);
    return page;
  }

  it('a classic <script src> of the IIFE, under default-src self without unsafe-inline, with a language from next to it', async () => {
    const page = await stepUpThrough('/fixtures/iife.html');
    // Its global, as documented: the elements' classes and registerTranslation.
    assert.deepEqual(
      await page.evaluate(() => {
        const global = (window as unknown as { PasskeyElements?: Record<string, unknown> }).PasskeyElements;
        return [
          global?.StepUpChallenge === customElements.get('step-up-challenge'),
          global?.PasskeyEnroll === customElements.get('passkey-enroll'),
          typeof global?.registerTranslation,
          typeof global?.StepUpChallengeSuccessEvent,
        ];
      }),
      [true, true, 'function', 'function'],
    );
    // A language other than English comes from next to the script, not from the page's folder.
    await page.evaluate(() => {
      const el = document.createElement('step-up-challenge');
      el.id = 'arabic';
      el.lang = 'ar';
      document.body.append(el);
    });
    const label = await page.waitForFunction(
      () => {
        const button = document.querySelector('#arabic')?.shadowRoot?.querySelector('[part="button"]');
        return button?.textContent?.includes('التأكيد بمفتاح المرور') && button.textContent.trim();
      },
      { timeout: 10_000 },
    );
    assert.equal(await label.jsonValue(), 'التأكيد بمفتاح المرور');
    assert.deepEqual(await requested(page, '/locales/'), ['/dist/cdn/locales/ar.js']);
    // The SDK too: one file from next to the script (the page is in another folder), once for both elements.
    assert.deepEqual(await requested(page, 'passkey-elements-sdk'), ['/dist/cdn/passkey-elements-sdk.js']);
    const violations = await page.evaluate(() => (window as unknown as { violations: string[] }).violations);
    assert.deepEqual(violations, [], 'no CSP violation');
    await page.close();
  });

  it('<passkey-sign-in> as a classic script next to the other two, under the same policy: autofill signs in, in Japanese', async () => {
    const { page, userId, base, authenticators, authenticatorId } = await enrolledOn('/fixtures/sign-in-iife.html');
    const label = await page.waitForFunction(
      () => document.querySelector('#sign-in')?.shadowRoot?.querySelector('[part="button"]')?.textContent?.trim(),
      { timeout: 10_000 },
    );
    assert.equal(await label.jsonValue(), 'パスキーでサインイン');
    assert.deepEqual(
      await page.evaluate(() => {
        const global = (window as unknown as { PasskeySignInElement?: Record<string, unknown> }).PasskeySignInElement;
        return [global?.PasskeySignIn === customElements.get('passkey-sign-in'), typeof global?.registerTranslation];
      }),
      [true, 'function'],
      'its global, as documented',
    );
    // Presence on: the virtual authenticator answers the field's conditional request at once.
    await authenticators.setPresence(true, authenticatorId);
    await configure(page, { ...base, autofill: true });
    const success = await received(page, 'passkey-sign-in-success');
    assert.deepEqual(Object.keys(success.detail), ['token']);
    const validation = await authsignal.validateChallenge({ token: success.detail.token as string, action: 'signIn' });
    assert.equal(validation.isValid, true);
    assert.equal(validation.userId, userId, 'the server learns the user from the token');
    assert.equal(await page.$eval('#username', (el) => el.getAttribute('autocomplete')), 'username webauthn');
    assert.deepEqual(
      await requested(page, 'passkey-elements-sdk'),
      ['/dist/cdn/passkey-elements-sdk.js'],
      'one SDK file for both scripts',
    );
    assert.deepEqual(await requested(page, '/locales/'), ['/dist/cdn/locales/ja.js']);
    const violations = await page.evaluate(() => (window as unknown as { violations: string[] }).violations);
    assert.deepEqual(violations, [], 'no CSP violation');
    await page.close();
  });

  it('the classic script confirms by email code too: the other methods from next to it, under the same policy', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/fixtures/iife.html`);
    await page.waitForFunction(() => 'configure' in window);
    const userId = `ways-in-email-${Date.now()}`;
    const email = `${userId}@example.com`;
    await authsignal.enrollVerifiedAuthenticator({
      userId,
      attributes: { verificationMethod: VerificationMethod.EMAIL_OTP, email },
    });
    const transfer = await authsignal.track({ userId, action: 'high-value-transfer' });
    await page.evaluate(
      (c) => {
        const el = document.getElementById('step-up') as HTMLElement & { methods: string[] };
        el.methods = ['EMAIL_OTP'];
        (window as unknown as { configure(c: unknown): void }).configure(c);
      },
      { tenantId: 'ways-in', baseUrl: emulator.url, stepUpToken: transfer.token },
    );
    // Polled: a change inside a shadow root alone does not wake puppeteer's waitForSelector.
    const shown = (name: string) =>
      page.waitForFunction(
        (n) => document.getElementById('step-up')!.shadowRoot!.querySelector(`[part="${n}"]`),
        {},
        name,
      );
    await shown('send-code');
    await page.click('#step-up >>> [part="send-code"]');
    await shown('code');
    await page.type('#step-up >>> [part="code"]', emulator.outbox(email)[0]!.code);
    await page.keyboard.press('Enter');
    const success = await received(page, 'step-up-challenge-success');
    assert.equal(success.detail.method, 'EMAIL_OTP');
    const validation = await authsignal.validateChallenge({ token: success.detail.token as string, userId });
    assert.equal(validation.isValid, true);
    assert.equal(validation.verificationMethod, 'EMAIL_OTP');
    const methodsFiles = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name).pathname)
        .filter((path) => path.includes('methods')),
    );
    assert.deepEqual(methodsFiles, ['/dist/cdn/passkey-elements-methods.js']);
    const violations = await page.evaluate(() => (window as unknown as { violations: string[] }).violations);
    assert.deepEqual(violations, [], 'no CSP violation');
    await page.close();
  });

  it('React 19 with the passkey-elements/react wrappers and their onSuccess props', async () => {
    const page = await stepUpThrough('/fixtures/react.html');
    await page.close();
  });

  it('Vue 3 with @step-up-challenge-success in a template', async () => {
    const page = await stepUpThrough('/fixtures/vue.html');
    await page.close();
  });

  it('a language whose file cannot be fetched: the element stays usable in English and the console says why', async () => {
    const page = await browser.newPage();
    const warnings: string[] = [];
    page.on('console', (message) => message.type() === 'warn' && warnings.push(message.text()));
    await page.goto(`${origin}/fixtures/iife-missing-locales.html`);
    await page.waitForFunction(() => document.querySelector('#german')?.shadowRoot?.querySelector('button'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const label = await page.$eval('#german', (el) => el.shadowRoot!.querySelector('button')!.textContent!.trim());
    assert.equal(label, 'Create a passkey');
    assert.deepEqual(warnings, ['passkey-elements: could not load locales/de.js']);
    await page.close();
  });
});
