import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import minifyTemplateLiterals from 'rollup-plugin-minify-template-literals';
import { minify } from 'terser';
import MagicString from 'magic-string';
import { gzipSync } from 'node:zlib';

const gzipSize = (code: string) => gzipSync(code, { level: 9 }).length;

/**
 * A second minification pass for the CDN bundle: terser's repeated compression passes save about
 * 0.3 kB gzip over Vite's single pass, and the bundle has a 25 kB gzip budget (`npm run bench`).
 */
function terserPass(): Plugin {
  return {
    name: 'terser-pass',
    apply: 'build',
    async generateBundle(options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        // Again while it pays: terser finds a little more to fold in its own output. Deterministic:
        // the same input always takes the same rounds.
        for (let round = 0, size = gzipSize(chunk.code); round < 4; round++) {
          const result = await minify(chunk.code, {
            // A classic script's one top-level name is its global (`PasskeyElements`): as a module's,
            // terser would drop it, unused.
            module: options.format === 'es',
            ecma: 2020,
            // Hoisting function declarations pays off only in the SDK's ES5 output (about 60 B gzip).
            compress: {
              passes: 3,
              pure_getters: true,
              unsafe_arrows: true,
              // Nothing here reads a function's `length`: unused trailing parameters can go.
              keep_fargs: false,
              hoist_funs: chunk.name.endsWith('-sdk'),
            },
            mangle: true,
            format: { comments: false },
            sourceMap: chunk.map ? { content: JSON.stringify(chunk.map), url: `${chunk.fileName}.map` } : false,
          });
          const next = gzipSize(result.code!);
          if (round > 0 && next >= size) break;
          size = next;
          chunk.code = result.code!;
          if (chunk.map && typeof result.map === 'string') Object.assign(chunk.map, JSON.parse(result.map));
        }
      }
    },
  };
}

/**
 * What the CDN files' Lit does not need, dropped from those builds only (fewer bytes before the
 * first render, less work per element). That Lit is their own, bundled on purpose and reachable by
 * nothing outside them; it serves only their classes, which declare `static properties` and no
 * decorators, in browsers that run ES2022. Apps bundle Lit as it is, and share it.
 * - Each module's version, added to a page-wide list (`litHtmlVersions` and its two siblings) that
 *   Lit's development build reads to warn of a page with two Lits: listed, this copy would make a
 *   host's development build warn about a copy the host did not load.
 * - Standard decorators' support: page-wide globals (`Symbol.metadata`, `litPropertyMetadata`) set
 *   as the file loads, metadata read as each class finalizes, class initializers run by every
 *   element's constructor. Extending the elements with decorators is what the npm package is for.
 * - The hooks of Lit's polyfill support, for browsers without shadow DOM, which cannot run ES2022.
 * - Directive support: no template of ours uses a directive (package-entries tests it), and every
 *   binding of every element asked whether its value was one, on each render. Lit's resolution
 *   of a value becomes the value itself.
 * Each cut must be found exactly once: a Lit update that changes one fails the build here.
 */
function litTrimmed(): Plugin {
  /** A module's version pushed onto its page-wide list: a pattern, since the number changes. */
  const listed = (list: string): [RegExp, string] => [
    new RegExp(`\\(\\w+\\.${list}\\?\\?=\\[\\]\\)\\.push\\("[\\d.]+"\\)`, 'g'),
    '0',
  ];
  // What is cut, or [what, what stands in for it].
  const cuts: Record<string, (string | [string | RegExp, string])[]> = {
    '/node_modules/@lit/reactive-element/reactive-element.js': [
      listed('reactiveElementVersions'),
      'Symbol.metadata??=Symbol("metadata"),a.litPropertyMetadata??=new WeakMap;',
      'static addInitializer(t){this._$Ei(),(this.l??=[]).push(t)}',
      'void 0!==t.l&&(this.l=[...t.l]),',
      'const t=this[Symbol.metadata];if(null!==t){const s=litPropertyMetadata.get(t);if(void 0!==s)for(const[t,i]of s)this.elementProperties.set(t,i)}',
      ',this.constructor.l?.forEach(t=>t(this))',
      'p=a.reactiveElementPolyfillSupport,',
      'p?.({ReactiveElement:y}),',
    ],
    '/node_modules/lit-html/lit-html.js': [
      listed('litHtmlVersions'),
      [',B=t.litHtmlPolyfillSupport;B?.(S,k),', ';'],
      [
        'function M(t,i,s=t,e){if(i===E)return i;let h=void 0!==e?s._$Co?.[e]:s._$Cl;const o=a(i)?void 0:i._$litDirective$;return h?.constructor!==o&&(h?._$AO?.(!1),void 0===o?h=void 0:(h=new o(t),h._$AT(t,s,e)),void 0!==e?(s._$Co??=[])[e]=h:s._$Cl=h),void 0!==h&&(i=M(t,h._$AS(t,i.values),h,e)),i}',
        'function M(t,i){return i}',
      ],
    ],
    '/node_modules/lit-element/lit-element.js': [
      listed('litElementVersions'),
      'const o=s.litElementPolyfillSupport;o?.({LitElement:i});',
    ],
  };
  return {
    name: 'lit-trimmed',
    transform(code, id) {
      const file = Object.keys(cuts).find((name) => id.endsWith(name));
      if (!file) return null;
      const edited = new MagicString(code);
      for (const entry of cuts[file]!) {
        const [what, replacement] = typeof entry == 'string' ? [entry, ''] : entry;
        // A string's occurrences, or a pattern's matches (`g`): there must be exactly one.
        const found = typeof what == 'string' ? code.split(what).slice(1).fill(what) : (code.match(what) ?? []);
        if (found.length !== 1) {
          throw new Error(`lit-trimmed: ${what} is no longer in ${id} once: review vite.config.ts`);
        }
        const from = code.indexOf(found[0]!);
        edited.overwrite(from, from + found[0]!.length, replacement);
      }
      return { code: edited.toString(), map: edited.generateMap({ hires: true }) };
    },
  };
}

/** The step-up's other methods, and its modal dialog: files of their own in the CDN builds. */
const METHODS = '/src/components/step-up-challenge/methods';
const DIALOG = '/src/components/step-up-challenge/dialog';

/**
 * In the CDN bundles, the SDK, the other methods, the token fetch and the locales come from files next to the
 * bundle, by URL (`passkey-elements-sdk.js`, `passkey-elements-methods.js`, `passkey-elements-token.js`, `locales/…`): a classic script cannot split, and both CDN
 * builds share those files. The bundler build keeps plain dynamic imports, which apps split.
 */
function cdnLoaders(): Plugin {
  const swaps: [string, string, string][] = [
    ['./locale-loader.js', '/src/i18n/translations.ts', 'src/i18n/cdn-locale-loader.ts'],
    ['./ceremonies-import.js', '/src/internal/sdk-loader.ts', 'src/internal/cdn-ceremonies-import.ts'],
    ['./methods-import.js', '/src/internal/methods-loader.ts', 'src/internal/cdn-methods-import.ts'],
    ['./dialog-import.js', '/src/internal/dialog-loader.ts', 'src/internal/cdn-dialog-import.ts'],
    ['./token-source-import.js', '/src/internal/sdk-loader.ts', 'src/internal/cdn-token-source-import.ts'],
    ['../../../i18n/method-locale-loader.js', `${METHODS}/method-chooser.ts`, 'src/i18n/cdn-method-locale-loader.ts'],
    [
      '../../i18n/manager-locale-loader.js',
      '/src/components/passkey-manager/passkey-manager.component.ts',
      'src/i18n/cdn-manager-locale-loader.ts',
    ],
    // The methods and dialog files render through the bundle's Lit: they need only Lit's template contract.
    ['lit', `${METHODS}/`, 'src/internal/lit-template-shim.ts'],
    ['lit', `${DIALOG}/`, 'src/internal/lit-template-shim.ts'],
  ];
  return {
    name: 'cdn-loaders',
    enforce: 'pre',
    resolveId(source, importer) {
      const swap = swaps.find(
        ([from, by]) => source === from && (by.endsWith('/') ? importer?.includes(by) : importer?.endsWith(by)),
      );
      return swap ? fileURLToPath(new URL(swap[2], import.meta.url)) : null;
    },
  };
}

/**
 * The SDK's dist inlines the `uuid` package (random-number fallback, byte-to-hex tables) for one
 * call, `v4()` for the anonymous id. Where passkeys work (a secure context) `crypto.randomUUID()`
 * exists in every current browser; older ones get the standard one-line fallback on
 * `crypto.getRandomValues`. Only the CDN builds take this: apps bundle the SDK as it is. The
 * replaced text is checked byte for byte, so an SDK update that changes it fails the build here.
 */
function sdkUuid(): Plugin {
  const start = '// Unique ID creation requires a high quality random # generator.';
  const end = '  return unsafeStringify(rnds);\n}\n';
  const replacement = `function v4() {
  return crypto.randomUUID
    ? crypto.randomUUID()
    : '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) =>
        (c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (c / 4)))).toString(16));
}
`;
  return {
    name: 'sdk-uuid',
    transform(code, id) {
      if (!id.includes('/@authsignal/browser/dist/index.js')) return null;
      const from = code.indexOf(start);
      const to = code.indexOf(end);
      if (from !== 0 || to === -1 || !code.slice(from, to).includes('function v4(options, buf, offset)')) {
        throw new Error(
          'sdk-uuid: @authsignal/browser no longer starts with the inlined uuid v4: review vite.config.ts',
        );
      }
      const edited = new MagicString(code).overwrite(from, to + end.length, replacement);
      return { code: edited.toString(), map: edited.generateMap({ hires: true }) };
    },
  };
}

/**
 * What the elements never call on the SDK, left out of the CDN's SDK file: the magic-link, security
 * key, QR code, push and WhatsApp clients (`new`ed by the `Authsignal` constructor, so a bundler
 * keeps them), and `launch()` with its popup, window and profiling code. Dropping the popup also
 * drops a side effect: on load, the SDK's bundled a11y-dialog made a dialog of every
 * `[data-a11y-dialog]` element of the host's page. What stays (passkeys, email, SMS and app codes,
 * `setToken`) is the SDK's own code, untouched. Only the CDN builds take this: apps bundle the SDK
 * as it is. Each removed text is matched exactly once, so an SDK update that changes it fails the build.
 */
const CLASS_IIFE = '/** @class */ (function (';

function sdkUnused(): Plugin {
  const members = ['emailML', 'securityKey', 'qrCode', 'push', 'whatsapp'];
  // The methods from launch() to the end of the class: all of them go, and nothing else may.
  const launchMethods = [
    'launch',
    'initAdvancedProfiling',
    'launchWithRedirect',
    'launchWithPopup',
    'launchWithWindow',
  ];
  // The popup's dialog library instantiates itself on the host's page as the module loads.
  const dialogSetup =
    "if (typeof document !== 'undefined') {\n    if (document.readyState === 'loading') {\n        document.addEventListener('DOMContentLoaded', instantiateDialogs);\n    }\n    else {\n        instantiateDialogs();\n    }\n}\n";
  return {
    name: 'sdk-unused',
    transform(code, id) {
      if (!id.includes('/@authsignal/browser/dist/index.js')) return null;
      const edited = new MagicString(code);
      const changed = (what: string) =>
        new Error(`sdk-unused: @authsignal/browser changed around ${what}: review vite.config.ts`);
      const cut = (from: number, to: number, what: string) => {
        if (from < 0 || to < from || code.indexOf(code.slice(from, to), from + 1) !== -1) throw changed(what);
        edited.remove(from, to);
      };
      for (const member of members) {
        const from = code.indexOf(`        this.${member} = new `);
        cut(from, code.indexOf('\n', from) + 1, `this.${member}`);
      }
      const launch = code.indexOf('    Authsignal.prototype.launch = function (url, options) {');
      const end = code.indexOf('    return Authsignal;\n}());', launch);
      const methods = [...code.slice(launch, end).matchAll(/^ {4}Authsignal\.prototype\.(\w+) = /gm)].map((m) => m[1]);
      if (launch < 0 || methods.join() !== launchMethods.join()) throw changed('launch()');
      cut(launch, end, 'launch()');
      cut(code.indexOf(dialogSetup), code.indexOf(dialogSetup) + dialogSetup.length, 'the dialog auto-setup');
      // TypeScript's ES5 classes are IIFEs marked `/** @class */`, which bundlers do not read as
      // pure: marked so, the classes nothing uses any more go too.
      for (let at = code.indexOf(CLASS_IIFE); at !== -1; at = code.indexOf(CLASS_IIFE, at + 1)) {
        edited.overwrite(at, at + '/** @class */'.length, '/* @__PURE__ */');
      }
      return { code: edited.toString(), map: edited.generateMap({ hires: true }) };
    },
  };
}

/**
 * Every shipped locale as `locales/<code>` entries of the CDN build, and its method strings as
 * `locales/methods/<code>` (English is in the bundle, and in the methods file).
 */
const localeEntries = (folders: string[]) =>
  Object.fromEntries(
    folders.flatMap((folder) =>
      readdirSync(`src/${folder}`)
        .filter((file) => file.endsWith('.ts') && file !== 'en.ts')
        .map((file) => [`${folder}/${file.replace(/\.ts$/, '')}`, `src/${folder}/${file}`]),
    ),
  );

const dependencies = [/^lit($|\/)/, /^@lit\//, /^@authsignal\/browser($|\/)/, /^react($|\/)/, /^qrcode-generator$/];

/**
 * `npm run build` runs these modes:
 * - default: dist/*.js, ES modules for bundlers (one file per source module, so they tree-shake;
 *   lit, @lit/react, react and @authsignal/browser stay imports);
 * - `cdn`: dist/cdn/passkey-elements.js, one self-contained ES module that renders both elements
 *   (Lit and our code), dist/cdn/passkey-elements-sdk.js, the SDK and its glue, loaded on intent,
 *   dist/cdn/passkey-elements-methods.js, the step-up's other methods (loaded where `methods`
 *   names them), dist/cdn/passkey-elements-token.js, the fetch of `token-url`'s token (loaded where
 *   one is set), and dist/cdn/locales/<code>.js and locales/methods/<code>.js, translations as
 *   modules of plain data;
 * - `cdn-dialog`: dist/cdn/passkey-elements-dialog.js, the step-up's modal dialog (loaded where
 *   `modal` is set, after the first update), rendered by the bundle's Lit like the methods file;
 * - `iife`: dist/cdn/passkey-elements.iife.js, the first of those as a classic script (it loads
 *   the same SDK and locale modules, with `import()`);
 * - `cdn-sign-in` and `iife-sign-in`: dist/cdn/passkey-sign-in.js and passkey-sign-in.iife.js,
 *   `<passkey-sign-in>` alone (Lit and our code again: a sign-in page rarely shows the other two),
 *   built apart so that neither build shares a chunk with the other; they load the same SDK and
 *   locale files, so a page with both shares one SDK (and its page-wide state);
 * - `cdn-manager`: dist/cdn/passkey-manager.js, `<passkey-manager>` alone (Lit and our code), its
 *   change steps (with the step-up they run) and the QR library as chunks of its own
 *   (`passkey-manager-*.js`, loaded on intent), and its strings, locales/manager/<code>.js. It
 *   loads the same SDK, methods and locale files. No classic script: it could not split off the
 *   change steps, and every browser with passkeys runs modules;
 * - `cdn-hydrate`: dist/cdn/passkey-elements-hydrate.js, Lit's hydration support (with the Lit it
 *   renders with), for server-rendered pages only: loaded before the elements' files, it lets each
 *   of them adopt the server's shadow DOM (see src/cdn-hydrate.ts).
 */
export default defineConfig(({ mode }) => {
  const iife = mode.startsWith('iife');
  const cdn = iife || mode.startsWith('cdn');
  // <passkey-sign-in> is a CDN file of its own (both forms): a page of the other two does not pay for it.
  const signIn = mode.endsWith('-sign-in');
  const manager = mode === 'cdn-manager';
  const hydrate = mode === 'cdn-hydrate';
  // Built apart from the methods file, so that neither shares a chunk (one more request) with the other.
  const dialog = mode === 'cdn-dialog';
  return {
    plugins: [
      minifyTemplateLiterals({ include: ['src/**/*.ts'] }),
      ...(cdn ? [cdnLoaders(), sdkUuid(), sdkUnused(), litTrimmed(), terserPass()] : []),
    ],
    build: {
      target: 'es2022',
      outDir: cdn ? 'dist/cdn' : 'dist',
      // The default build runs first and starts from an empty dist/; the IIFE joins the CDN module.
      emptyOutDir: mode === 'cdn' || !cdn,
      sourcemap: true,
      minify: cdn,
      lib: cdn
        ? {
            entry: process.env.FLOOR
              ? 'src/__floor.ts'
              : hydrate
                ? { 'passkey-elements-hydrate': 'src/cdn-hydrate.ts' }
                : dialog
                  ? { 'passkey-elements-dialog': `${DIALOG.slice(1)}/step-up-dialog.ts` }
                  : manager
                    ? { 'passkey-manager': 'src/passkey-manager.ts', ...localeEntries(['locales/manager']) }
                    : signIn
                      ? { 'passkey-sign-in': 'src/passkey-sign-in.ts' }
                      : iife
                        ? 'src/cdn-bundle.ts'
                        : {
                            'passkey-elements': 'src/cdn-bundle.ts',
                            'passkey-elements-sdk': 'src/sdk/passkey-ceremonies.ts',
                            'passkey-elements-methods': `${METHODS.slice(1)}/method-chooser.ts`,
                            'passkey-elements-token': 'src/sdk/token-source.ts',
                            ...localeEntries(['locales', 'locales/methods']),
                          },
            name: signIn ? 'PasskeySignInElement' : manager ? 'PasskeyManagerElement' : 'PasskeyElements',
            formats: [iife ? 'iife' : 'es'],
            fileName: (_format, entry) =>
              iife ? `${signIn ? 'passkey-sign-in' : 'passkey-elements'}.iife.js` : `${entry}.js`,
          }
        : {
            entry: {
              index: 'src/index.ts',
              'passkey-enroll': 'src/passkey-enroll.ts',
              'step-up-challenge': 'src/step-up-challenge.ts',
              'passkey-sign-in': 'src/passkey-sign-in.ts',
              'passkey-manager': 'src/passkey-manager.ts',
              // The manager's English whole, for translations built on it (the element takes it in parts).
              'locales/manager/en': 'src/locales/manager/en.ts',
              react: 'src/react.ts',
            },
            formats: ['es'],
          },
      rolldownOptions: cdn
        ? {
            // Vite keeps whitespace in ES library builds (for tree-shaking); a CDN bundle is final.
            // (No `Symbol.toStringTag` on the classic script's global: nothing reads it.)
            output: {
              minify: true,
              generatedCode: { symbols: false },
              ...(manager ? { chunkFileNames: 'passkey-manager-[name].js' } : {}),
            },
            // What the manager shares with its on-demand chunks (Lit) stays in its own file: one
            // request before it renders, not two.
            ...(manager ? { preserveEntrySignatures: 'allow-extension' as const } : {}),
            // A classic script has no import.meta: cdn-locale-loader.ts reads document.currentScript there.
            ...(iife ? { transform: { define: { 'import.meta.url': 'undefined' } } } : {}),
          }
        : {
            external: dependencies,
            output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
          },
    },
  };
});
