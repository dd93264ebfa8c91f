import { defineConfig } from 'vite';

// `npm run build`: dist/cdn/passkey-elements.js, one self-contained ES module (Lit and
// @authsignal/browser inlined) that registers the elements: a <script type="module"> is enough.
export default defineConfig({
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
