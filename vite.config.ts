import { defineConfig, type Plugin } from 'vite';
import minifyTemplateLiterals from 'rollup-plugin-minify-template-literals';
import { minify } from 'terser';

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
          compress: { passes: 3, pure_getters: true, unsafe_arrows: true },
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

const dependencies = [/^lit($|\/)/, /^@lit\//, /^@authsignal\/browser($|\/)/, /^react($|\/)/];

/**
 * `npm run build` runs three modes:
 * - default: dist/*.js, ES modules for bundlers (one file per source module, so they tree-shake;
 *   lit, @lit/react, react and @authsignal/browser stay imports);
 * - `cdn`: dist/cdn/passkey-elements.js, one self-contained ES module that registers both elements;
 * - `iife`: dist/cdn/passkey-elements.iife.js, the same as a classic script.
 */
export default defineConfig(({ mode }) => {
  const cdn = mode === 'cdn' || mode === 'iife';
  return {
    plugins: [minifyTemplateLiterals({ include: ['src/**/*.ts'] }), ...(cdn ? [terserPass()] : [])],
    build: {
      target: 'es2022',
      outDir: cdn ? 'dist/cdn' : 'dist',
      // The default build runs first and starts from an empty dist/; the IIFE joins the CDN module.
      emptyOutDir: mode !== 'iife',
      sourcemap: true,
      minify: cdn,
      lib: cdn
        ? {
            entry: 'src/index.ts',
            name: 'PasskeyElements',
            formats: [mode === 'iife' ? 'iife' : 'es'],
            fileName: () => (mode === 'iife' ? 'passkey-elements.iife.js' : 'passkey-elements.js'),
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
        ? // Vite keeps whitespace in ES library builds (for tree-shaking); a CDN bundle is final.
          { output: { minify: true } }
        : {
            external: dependencies,
            output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
          },
    },
  };
});
