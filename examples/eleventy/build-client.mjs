import { build } from 'esbuild';

// The pages' one script: Lit's hydration support before Lit, then the elements the pages use.
await build({
  entryPoints: ['src/client.js'],
  bundle: true,
  minify: true,
  format: 'esm',
  outfile: '_site/client.js',
  logLevel: 'warning',
});
