import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { Authsignal } from '@authsignal/node';
import { build } from 'esbuild';
import type { Browser, Page } from 'puppeteer-core';
import { startStaticSite, type StaticSite } from '../../scripts/static-site.js';
import { chromiumWithAuthenticator } from './support/chromium.js';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { renderToString } from '../../ssr/render-to-string.js';

/**
 * Server rendering, as a host that renders HTML itself uses it: `renderToString` on the server,
 * then in Chromium (virtual authenticator) the page with JavaScript off (the styled, translated
 * buttons are there), and with it on: the client (Lit's hydration support first, then the
 * elements) adopts the server's DOM, the very nodes, with no warning, and each element completes
 * a ceremony against the emulator. Twice: with a host's own bundle, and with the CDN files.
 */
const FRAGMENT = `<main>
  <passkey-enroll id="enroll"></passkey-enroll>
  <passkey-sign-in id="sign-in"></passkey-sign-in>
  <step-up-challenge id="step-up" lang="de">
    <span slot="description">Überweisung bestätigen</span>
  </step-up-challenge>
  <passkey-manager id="manager"></passkey-manager>
  <step-up-challenge id="modal" modal><span slot="description">Passwort ändern</span></step-up-challenge>
</main>`;
/** Each element's main button: the manager's is its first "add". */
const BUTTONS: [string, string][] = [
  ['enroll', 'button'],
  ['sign-in', 'button'],
  ['step-up', 'button'],
  ['manager', 'add'],
];
// What a host's bundle holds: hydration support before Lit, the language it serves besides English, the elements.
const CLIENT = `import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import de from './dist/locales/de.js';
import { registerTranslation } from './dist/step-up-challenge.js';
import './dist/passkey-enroll.js';
import './dist/passkey-sign-in.js';
import './dist/passkey-manager.js';
registerTranslation('de', de);`;

// A classic script after the elements: it runs while the page parses, before any module, and
// keeps the server's buttons to compare with those in use after hydration.
const CAPTURE = `window.before = ${JSON.stringify(BUTTONS)}.map(
  ([id, part]) => document.getElementById(id).shadowRoot.querySelector('[part="' + part + '"]'),
);`;

// The CDN's way: the hydration file first, then the elements' files, as module scripts (in order).
const CDN_SCRIPTS = [
  'passkey-elements-hydrate.js',
  'passkey-elements.js',
  'passkey-sign-in.js',
  'passkey-manager.js',
].map((file) => `<script type="module" src="/dist/cdn/${file}"></script>`);

for (const [name, scripts] of [
  ["a host's bundle", ['<script type="module" src="/client.js"></script>']],
  ['the CDN files (passkey-elements-hydrate.js first)', CDN_SCRIPTS],
] as const)
  describe(`server rendering: renderToString, then hydration by ${name} (Chromium, virtual authenticator)`, () => {
    let site: StaticSite;
    let origin: string;
    let emulator: RunningEmulator;
    let server: Authsignal;
    let browser: Browser;
    let page: Page;
    let client = '';

    before(async () => {
      // The CDN files (and their languages) as a static site; the page and its scripts mounted on it.
      site = await startStaticSite(['dist/cdn', 'dist/cdn/locales', 'dist/cdn/locales/manager']);
      const serve = (type: string, body: () => string | Promise<string>) => (_: unknown, response: ServerResponse) =>
        void (async () => response.writeHead(200, { 'content-type': type }).end(await body()))();
      site.mount(
        '/client.js',
        serve('text/javascript', () => client),
      );
      site.mount(
        '/capture.js',
        serve('text/javascript', () => CAPTURE),
      );
      site.mount(
        '/page',
        serve('text/html; charset=utf-8', async () => {
          const body = await renderToString(
            FRAGMENT.replace(
              /<passkey-enroll |<passkey-sign-in |<step-up-challenge |<passkey-manager /g,
              (tag) => `${tag}tenant-id="${emulator.tenantId}" base-url="${emulator.url}" `,
            ),
          );
          return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>SSR</title></head><body>${body}<script src="/capture.js"></script>${scripts.join('')}</body></html>`;
        }),
      );
      origin = site.url;
      emulator = await startEmulator({
        origins: [origin],
        printOutbox: false,
        rules: { defaultState: 'ALLOW', actions: { transfer: 'CHALLENGE_REQUIRED' } },
      });
      server = new Authsignal({ apiSecretKey: emulator.secret, apiUrl: emulator.url });
      // Only the host's-bundle page loads it.
      if (scripts.some((script) => script.includes('/client.js'))) {
        const bundle = await build({
          stdin: { contents: CLIENT, resolveDir: process.cwd(), loader: 'js' },
          bundle: true,
          format: 'esm',
          write: false,
          logLevel: 'silent',
        });
        client = bundle.outputFiles[0]!.text;
      }
      ({ browser, page } = await chromiumWithAuthenticator());
    });
    after(async () => {
      await browser?.close();
      await emulator?.close();
      await site?.close();
    });

    /**
     * Each element's main button: the text it shows (a slot's default label that the host's
     * whitespace hides has no box) and its background.
     */
    const buttons = () =>
      page.evaluate(
        (list) =>
          list.map(([id, part]) => {
            const button = document.getElementById(id)!.shadowRoot?.querySelector<HTMLElement>(`[part="${part}"]`);
            if (!button) return null;
            let text = '';
            const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
            for (let node: Node | null; (node = walker.nextNode());) {
              const range = document.createRange();
              range.selectNodeContents(node);
              if (range.getClientRects().length) text += node.textContent;
            }
            return { text: text.replace(/\s+/g, ' ').trim(), background: getComputedStyle(button).backgroundColor };
          }),
        BUTTONS,
      );

    it('shows the styled, translated buttons with JavaScript off', async () => {
      await page.setJavaScriptEnabled(false);
      try {
        await page.goto(`${origin}/page`, { waitUntil: 'load' });
        assert.deepEqual(await buttons(), [
          { text: 'Create a passkey', background: 'rgb(29, 78, 216)' },
          { text: 'Sign in with a passkey', background: 'rgb(29, 78, 216)' },
          { text: 'Mit Passkey bestätigen', background: 'rgb(29, 78, 216)' },
          { text: 'Add a passkey', background: 'rgb(29, 78, 216)' },
        ]);
      } finally {
        await page.setJavaScriptEnabled(true);
      }
    });

    it('hydrates without re-rendering and without a console message, then each element completes its ceremony', async () => {
      const messages: string[] = [];
      page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
      page.on('pageerror', (error) => messages.push(`pageerror: ${(error as Error).message}`));
      await page.goto(`${origin}/page`, { waitUntil: 'load' });
      await page.waitForFunction(() =>
        ['enroll', 'sign-in', 'step-up', 'manager', 'modal'].every(
          (id) => (document.getElementById(id) as unknown as { hasUpdated?: boolean }).hasUpdated,
        ),
      );
      const kept = await page.evaluate(
        (list) =>
          list.map(
            ([id, part], i) =>
              document.getElementById(id)!.shadowRoot!.querySelector(`[part="${part}"]`) ===
              (window as unknown as { before: Element[] }).before[i],
          ),
        BUTTONS,
      );
      assert.deepEqual(kept, [true, true, true, true], 'the server-rendered buttons are the ones in use');
      assert.deepEqual(
        (await buttons()).map((b) => b?.text),
        ['Create a passkey', 'Sign in with a passkey', 'Mit Passkey bestätigen', 'Add a passkey'],
      );

      // A ceremony on each: enroll (a new user), sign in with that passkey, step up a transfer.
      const result = (id: string, event: string) =>
        page.evaluate(
          (id, event) =>
            new Promise<string>((resolve) =>
              document
                .getElementById(id)!
                .addEventListener(event, (e) => resolve((e as CustomEvent<{ token: string }>).detail.token), {
                  once: true,
                }),
            ),
          id,
          event,
        );
      const enrollTrack = await server.track({
        userId: 'ssr-user',
        action: 'enroll',
        attributes: { username: 'ssr@example.com' },
      });
      await page.evaluate((token) => Object.assign(document.getElementById('enroll')!, { token }), enrollTrack.token);
      const enrolled = result('enroll', 'passkey-enroll-success');
      await page.click('#enroll >>> [part="button"]');
      assert.equal((await server.validateChallenge({ token: await enrolled, userId: 'ssr-user' })).isValid, true);

      const signedIn = result('sign-in', 'passkey-sign-in-success');
      await page.click('#sign-in >>> [part="button"]');
      const signIn = await server.validateChallenge({ token: await signedIn });
      assert.deepEqual([signIn.isValid, signIn.userId], [true, 'ssr-user']);

      const transfer = await server.track({ userId: 'ssr-user', action: 'transfer' });
      await page.evaluate((token) => Object.assign(document.getElementById('step-up')!, { token }), transfer.token);
      const steppedUp = result('step-up', 'step-up-challenge-success');
      await page.click('#step-up >>> [part="button"]');
      const stepUp = await server.validateChallenge({ token: await steppedUp, userId: 'ssr-user', action: 'transfer' });
      assert.deepEqual([stepUp.isValid, stepUp.verificationMethod], [true, 'PASSKEY']);

      // A modal step-up, server-rendered as nothing (its dialog is a file of its own), opens.
      const modal = await page.evaluate(async () => {
        const el = document.getElementById('modal') as HTMLElement & {
          open: boolean;
          updateComplete: Promise<boolean>;
        };
        el.open = true;
        await el.updateComplete;
        const dialog = el.shadowRoot!.querySelector('dialog')!;
        const shown = [dialog.matches(':modal'), el.shadowRoot!.querySelector('[part="title"]')!.textContent];
        el.open = false;
        await el.updateComplete;
        return shown;
      });
      assert.deepEqual(modal, [true, 'Confirm it’s you']);
      assert.deepEqual(messages, [], 'no warning, no error');
    });
  });
