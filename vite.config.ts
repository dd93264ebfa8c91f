import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import minifyTemplateLiterals from 'rollup-plugin-minify-template-literals';
import { minify } from 'terser';
import MagicString from 'magic-string';

/**
 * A second minification pass for the CDN bundle: terser's repeated compression passes save about
 * 0.3 kB gzip over Vite's single pass, and the bundle has a 25 kB gzip budget (`npm run bench`).
 */
function terserPass(): Plugin {
  return {
    name: 'terser-pass',
    apply: 'build',
    async generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const result = await minify(chunk.code, {
          module: true,
          ecma: 2020,
          // Hoisting function declarations pays off only in the SDK's ES5 output (about 60 B gzip).
          compress: { passes: 3, pure_getters: true, unsafe_arrows: true, hoist_funs: chunk.name.endsWith('-sdk') },
          mangle: true,
          format: { comments: false },
          sourceMap: chunk.map ? { content: JSON.stringify(chunk.map), url: `${chunk.fileName}.map` } : false,
        });
        chunk.code = result.code!;
        if (chunk.map && typeof result.map === 'string') Object.assign(chunk.map, JSON.parse(result.map));
      }
    },
  };
}

/**
 * In the CDN bundles, the SDK and the locales come from files next to the bundle, by URL
 * (`passkey-elements-sdk.js`, `locales/<code>.js`): a classic script cannot split, and both CDN
 * builds share those files. The bundler build keeps plain dynamic imports, which apps split.
 */
function cdnLoaders(): Plugin {
  const swaps: [string, string, string][] = [
    ['./locale-loader.js', '/src/i18n/translations.ts', 'src/i18n/cdn-locale-loader.ts'],
    ['./ceremonies-import.js', '/src/internal/sdk-loader.ts', 'src/internal/cdn-ceremonies-import.ts'],
  ];
  return {
    name: 'cdn-loaders',
    enforce: 'pre',
    resolveId(source, importer) {
      const swap = swaps.find(([from, by]) => source === from && importer?.endsWith(by));
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

/** Every shipped locale (English is in the bundle), as `locales/<code>` entries of the CDN build. */
const localeEntries = Object.fromEntries(
  readdirSync('src/locales')
    .filter((file) => file !== 'en.ts')
    .map((file) => [`locales/${file.replace(/\.ts$/, '')}`, `src/locales/${file}`]),
);

const dependencies = [/^lit($|\/)/, /^@lit\//, /^@authsignal\/browser($|\/)/, /^react($|\/)/];

/**
 * `npm run build` runs three modes:
 * - default: dist/*.js, ES modules for bundlers (one file per source module, so they tree-shake;
 *   lit, @lit/react, react and @authsignal/browser stay imports);
 * - `cdn`: dist/cdn/passkey-elements.js, one self-contained ES module that renders both elements
 *   (Lit and our code), dist/cdn/passkey-elements-sdk.js, the SDK and its glue, loaded on intent,
 *   and dist/cdn/locales/<code>.js, each translation as a module of plain data;
 * - `iife`: dist/cdn/passkey-elements.iife.js, the first of those as a classic script (it loads
 *   the same SDK and locale modules, with `import()`).
 */
export default defineConfig(({ mode }) => {
  const cdn = mode === 'cdn' || mode === 'iife';
  return {
    plugins: [
      minifyTemplateLiterals({ include: ['src/**/*.ts'] }),
      ...(cdn ? [cdnLoaders(), sdkUuid(), terserPass()] : []),
    ],
    build: {
      target: 'es2022',
      outDir: cdn ? 'dist/cdn' : 'dist',
      // The default build runs first and starts from an empty dist/; the IIFE joins the CDN module.
      emptyOutDir: mode !== 'iife',
      sourcemap: true,
      minify: cdn,
      lib: cdn
        ? {
            entry: process.env.FLOOR
              ? 'src/__floor.ts'
              : mode === 'iife'
                ? 'src/index.ts'
                : {
                    'passkey-elements': 'src/index.ts',
                    'passkey-elements-sdk': 'src/sdk/passkey-ceremonies.ts',
                    ...localeEntries,
                  },
            name: 'PasskeyElements',
            formats: [mode === 'iife' ? 'iife' : 'es'],
            fileName: (_format, entry) => (mode === 'iife' ? 'passkey-elements.iife.js' : `${entry}.js`),
          }
        : {
            entry: {
              index: 'src/index.ts',
              'passkey-enroll': 'src/passkey-enroll.ts',
              'step-up-challenge': 'src/step-up-challenge.ts',
              react: 'src/react.ts',
            },
            formats: ['es'],
          },
      rolldownOptions: cdn
        ? {
            // Vite keeps whitespace in ES library builds (for tree-shaking); a CDN bundle is final.
            output: { minify: true },
            // A classic script has no import.meta: cdn-locale-loader.ts reads document.currentScript there.
            ...(mode === 'iife' ? { transform: { define: { 'import.meta.url': 'undefined' } } } : {}),
          }
        : {
            external: dependencies,
            output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
          },
    },
  };
});
