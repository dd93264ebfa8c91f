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

// `npm run build`: dist/cdn/passkey-elements.js, one self-contained ES module (Lit and
// @authsignal/browser inlined) that registers the elements: a <script type="module"> is enough.
export default defineConfig({
  plugins: [minifyTemplateLiterals({ include: ['src/**/*.ts'] }), terserPass()],
  build: {
    target: 'es2022',
    outDir: 'dist/cdn',
    emptyOutDir: true,
    sourcemap: true,
    minify: true,
    // Vite keeps whitespace in ES library builds (for consumers' tree-shaking); a CDN bundle is
    // final, so minify it fully.
    rolldownOptions: { output: { minify: true } },
    lib: {
      entry: 'src/index.ts',
      formats: ['es'],
      fileName: () => 'passkey-elements.js',
    },
  },
});
