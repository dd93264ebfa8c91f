import { readdirSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** The budget for the CDN bundle with both elements, Lit and the SDK: gzip level 9, 1 kB = 1000 bytes. */
export const CDN_GZIP_BUDGET_BYTES = 25_000;

export interface SizeRow {
  name: string;
  raw: number;
  gzip: number;
  brotli: number;
}

function measure(name: string, code: Uint8Array): SizeRow {
  return {
    name,
    raw: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT },
    }).length,
  };
}

/** What a page pays for one entry, dependencies included: the entry bundled and minified (esbuild). */
async function entryBundle(specifier: string): Promise<Uint8Array> {
  const file = specifier.startsWith('./');
  const result = await build({
    ...(file
      ? { entryPoints: [specifier] }
      : {
          stdin: { contents: `import ${JSON.stringify(specifier)};`, resolveDir: process.cwd(), loader: 'js' as const },
        }),
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    conditions: ['production'],
    // Locales load on demand: a page pays for one only when it needs it (measured on their own).
    plugins: [
      {
        name: 'locales-on-demand',
        setup(build) {
          build.onResolve({ filter: /\/locales\/[\w-]+\.js$/ }, (args) =>
            args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined,
          );
        },
      },
    ],
  });
  return result.outputFiles[0]!.contents;
}

/** Each on-demand locale as the CDN serves it (dist/cdn/locales/<code>.js); English is in the bundle. */
export function localeSizes(): (SizeRow & { locale: string })[] {
  return readdirSync('dist/cdn/locales')
    .filter((file) => file.endsWith('.js'))
    .sort()
    .map((file) => ({
      locale: file.replace(/\.js$/, ''),
      ...measure(`cdn/locales/${file}`, readFileSync(`dist/cdn/locales/${file}`)),
    }));
}

/** Sizes of the built CDN files (run `npm run build` first) and of each per-element entry. */
export async function bundleSizes(): Promise<SizeRow[]> {
  return [
    measure('cdn/passkey-elements.js (both elements, Lit, SDK)', readFileSync('dist/cdn/passkey-elements.js')),
    measure('cdn/passkey-elements.iife.js', readFileSync('dist/cdn/passkey-elements.iife.js')),
    measure('passkey-elements/passkey-enroll.js (bundled)', await entryBundle('passkey-elements/passkey-enroll.js')),
    measure(
      'passkey-elements/step-up-challenge.js (bundled)',
      await entryBundle('passkey-elements/step-up-challenge.js'),
    ),
    measure('lit + @authsignal/browser alone (floor)', await entryBundle('./bench/floor.js')),
  ];
}
