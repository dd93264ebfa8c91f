import { readdirSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/**
 * Budgets, gzip level 9, 1 kB = 1000 bytes, for the ES module and the classic script each: what a
 * page fetches before both elements render (Lit and our code), and all it has fetched once a
 * passkey ceremony runs (that plus the SDK's file). The sign-in page's and the security page's
 * files, each one element, keep the earlier 11,000 before they render.
 */
export const CRITICAL_PATH_BUDGET_BYTES = 10_500;
export const ONE_ELEMENT_BUDGET_BYTES = 11_000;
export const CRITICAL_PATH_GOAL_BYTES = 10_000;
export const CEREMONY_BUDGET_BYTES = 20_000;

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
async function entryBundle(specifier: string, shared: RegExp[] = []): Promise<Uint8Array> {
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
    // Locales and the SDK load on demand: measured on their own.
    plugins: [
      {
        name: 'locales-on-demand',
        setup(build) {
          // What the app has already loaded with the elements (Lit): not this chunk's cost.
          build.onResolve({ filter: /.*/ }, (args) =>
            shared.some((pattern) => pattern.test(args.path)) ? { path: args.path, external: true } : undefined,
          );
          // The SDK, locales and token-url's fetch are dynamic imports: an app's bundler splits them off.
          build.onResolve(
            { filter: /\/locales\/[\w/-]+\.js$|\/passkey-ceremonies\.js$|\/method-chooser\.js$|\/token-source\.js$/ },
            (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined),
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

export interface CdnSizes {
  module: SizeRow;
  classic: SizeRow;
  /** `<passkey-sign-in>` alone, for sign-in pages: a file of its own, so the other pages do not pay for it. */
  signIn: SizeRow;
  signInClassic: SizeRow;
  sdk: SizeRow;
  /** The step-up's other methods: fetched only where `methods` names them, after the first paint. */
  methods: SizeRow;
  /** The step-up's modal dialog: fetched only where `modal` is set, after the first update. */
  dialog: SizeRow;
  /** The fetch of `token-url`'s token: fetched only by an element with one, beside the SDK. */
  token: SizeRow;
  /** Lit's hydration support: only server-rendered pages load it, before the elements. */
  hydrate: SizeRow;
  /** `<passkey-manager>` alone: a file of its own, as the sign-in element's. */
  manager: SizeRow;
  /** Its change steps (the step-up they run included), on intent; and the QR library, for an app's set-up. */
  managerSteps: SizeRow;
  /** Its list reader (the request and what it keeps of each authenticator), beside the token, after paint. */
  managerList: SizeRow;
  managerQr: SizeRow;
}

/** The built CDN files (run `npm run build` first). */
export function cdnSizes(): CdnSizes {
  return {
    module: measure(
      'cdn/passkey-elements.js (both elements: Lit and our code)',
      readFileSync('dist/cdn/passkey-elements.js'),
    ),
    classic: measure(
      'cdn/passkey-elements.iife.js (the same, classic script)',
      readFileSync('dist/cdn/passkey-elements.iife.js'),
    ),
    signIn: measure(
      'cdn/passkey-sign-in.js (the sign-in element: Lit and our code)',
      readFileSync('dist/cdn/passkey-sign-in.js'),
    ),
    signInClassic: measure(
      'cdn/passkey-sign-in.iife.js (the same, classic script)',
      readFileSync('dist/cdn/passkey-sign-in.iife.js'),
    ),
    sdk: measure(
      'cdn/passkey-elements-sdk.js (the SDK and its glue, on intent)',
      readFileSync('dist/cdn/passkey-elements-sdk.js'),
    ),
    methods: measure(
      'cdn/passkey-elements-methods.js (code methods, where named, after paint)',
      readFileSync('dist/cdn/passkey-elements-methods.js'),
    ),
    dialog: measure(
      'cdn/passkey-elements-dialog.js (the step-up dialog, where modal, after the first update)',
      readFileSync('dist/cdn/passkey-elements-dialog.js'),
    ),
    token: measure(
      "cdn/passkey-elements-token.js (token-url's token fetch, where set)",
      readFileSync('dist/cdn/passkey-elements-token.js'),
    ),
    hydrate: measure(
      "cdn/passkey-elements-hydrate.js (Lit's hydration support, server-rendered pages only)",
      readFileSync('dist/cdn/passkey-elements-hydrate.js'),
    ),
    manager: measure(
      'cdn/passkey-manager.js (the manager element: Lit and our code)',
      readFileSync('dist/cdn/passkey-manager.js'),
    ),
    managerSteps: measure(
      'cdn/passkey-manager-change-flow.js (its change steps and step-up, on intent)',
      readFileSync('dist/cdn/passkey-manager-change-flow.js'),
    ),
    managerList: measure(
      'cdn/passkey-manager-authenticators.js (its list reader, fetched beside the token, after paint)',
      readFileSync('dist/cdn/passkey-manager-authenticators.js'),
    ),
    managerQr: measure(
      'cdn/passkey-manager-qrcode.js (the QR library, for an authenticator app only)',
      readFileSync('dist/cdn/passkey-manager-qrcode.js'),
    ),
  };
}

/**
 * The budget checks of `npm run size`, for both ways in: the app pages' file (enroll and step-up),
 * and the sign-in page's, each before render and with the SDK.
 */
export function budgetChecks(cdn: CdnSizes) {
  return [cdn.module, cdn.classic, cdn.signIn, cdn.signInClassic, cdn.manager].flatMap((main) => [
    {
      name: `${main.name}: before ${main === cdn.module || main === cdn.classic ? 'both elements render' : 'it renders'}`,
      bytes: main.gzip,
      budget: main === cdn.module || main === cdn.classic ? CRITICAL_PATH_BUDGET_BYTES : ONE_ELEMENT_BUDGET_BYTES,
    },
    {
      name: `${main.name} + the SDK: by the time a ceremony runs`,
      bytes: main.gzip + cdn.sdk.gzip,
      budget: CEREMONY_BUDGET_BYTES,
    },
  ]);
}

/** @teamhanko/hanko-elements bundled as our CDN module is (esbuild, minified, one ES module). */
export async function hankoSize(): Promise<SizeRow> {
  return measure('@teamhanko/hanko-elements (bundled the same way)', await entryBundle('@teamhanko/hanko-elements'));
}

/** What each per-element entry costs a bundling app before the SDK, the SDK chunk, and the floor. */
export async function bundleSizes(): Promise<SizeRow[]> {
  return [
    measure(
      'passkey-elements/passkey-enroll.js (bundled, before the SDK)',
      await entryBundle('passkey-elements/passkey-enroll.js'),
    ),
    measure(
      'passkey-elements/step-up-challenge.js (bundled, before the SDK)',
      await entryBundle('passkey-elements/step-up-challenge.js'),
    ),
    measure(
      'passkey-elements/passkey-sign-in.js (bundled, before the SDK)',
      await entryBundle('passkey-elements/passkey-sign-in.js'),
    ),
    measure('the SDK chunk an app splits off (bundled)', await entryBundle('./dist/sdk/passkey-ceremonies.js')),
    measure(
      'the other methods chunk an app splits off (bundled; Lit shared with the elements)',
      await entryBundle('./dist/components/step-up-challenge/methods/method-chooser.js', [/^lit($|\/)/]),
    ),
    measure('lit + @authsignal/browser alone (floor)', await entryBundle('./bench/floor.js')),
  ];
}

/** What marks `<passkey-sign-in>`'s code in a bundle: its tag and events, its English, its autofill. */
const SIGN_IN_MARKERS = ['passkey-sign-in', 'Sign in with a passkey', 'The conditional request was ended'];
/** What marks `<passkey-manager>`'s code: its tag and events, its English. */
const MANAGER_MARKERS = ['passkey-manager', 'Set up an authenticator app', 'Nothing here yet.'];

/**
 * The split bundles of a page with the other two elements (the CDN's `passkey-elements.js` and
 * classic script, and an app bundling both per-element entries): none holds `<passkey-sign-in>`'s
 * code, nor `<passkey-manager>`'s (nor does the sign-in page's). Answers the offending bundles' names.
 */
export async function elementLeaks(): Promise<string[]> {
  const bundles: [string, string][] = [
    ...(await appPageBundles()),
    ['cdn/passkey-sign-in.js', readFileSync('dist/cdn/passkey-sign-in.js', 'utf8')],
    ['cdn/passkey-sign-in.iife.js', readFileSync('dist/cdn/passkey-sign-in.iife.js', 'utf8')],
  ];
  return [
    ...bundles
      .filter(([name, code]) => !name.includes('sign-in') && SIGN_IN_MARKERS.some((marker) => code.includes(marker)))
      .map(([name]) => `${name} (sign-in)`),
    ...bundles
      .filter(([, code]) => MANAGER_MARKERS.some((marker) => code.includes(marker)))
      .map(([name]) => `${name} (manager)`),
  ];
}

async function appPageBundles(): Promise<[string, string][]> {
  const appPage = await build({
    stdin: {
      contents: "import 'passkey-elements/passkey-enroll.js'; import 'passkey-elements/step-up-challenge.js';",
      resolveDir: process.cwd(),
      loader: 'js',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
    splitting: true,
    outdir: 'out',
  });
  const bundles: [string, string][] = [
    ['cdn/passkey-elements.js', readFileSync('dist/cdn/passkey-elements.js', 'utf8')],
    ['cdn/passkey-elements.iife.js', readFileSync('dist/cdn/passkey-elements.iife.js', 'utf8')],
    ...appPage.outputFiles.map((file): [string, string] => [
      `app bundle of enroll + step-up: ${file.path.split('/').pop()}`,
      file.text,
    ]),
  ];
  return bundles;
}
