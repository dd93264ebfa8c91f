import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

// An app's own bundler splits the SDK off: what the page loads with the elements has none of it,
// and loads the chunk that has it with a dynamic import. (Needs `npm run build`: the package's dist/.)
const FIXTURE = 'test/fixtures/consumer-bundle';
/** Strings only the SDK has: its client-API paths and its WebAuthn ponyfill. */
const SDK_MARKERS = [/user-authenticators\/passkey/, /authentication-options/];
const ELEMENTS_MARKER = /customElements\.define\(\s*["'`]passkey-enroll["'`]/;

function check(chunks: { name: string; code: string }[]) {
  const entry = chunks.filter((c) => ELEMENTS_MARKER.test(c.code));
  assert.equal(entry.length, 1, 'one chunk registers the elements');
  // What the page loads with the elements: the entry and the chunks it imports statically (a
  // bundler may move code shared with an on-demand chunk, such as the manager's steps, into one).
  const base = (name: string) => name.split('/').pop()!;
  const eager = new Set([entry[0]!]);
  for (const chunk of eager) {
    for (const [, file] of chunk.code.matchAll(
      /(?:^|[;}\s])import\s*(?:[\w$*{},\s]+from\s*)?["'`]\.\/([^"'`]+)["'`]/g,
    )) {
      const imported = chunks.find((c) => base(c.name) === file);
      if (imported) eager.add(imported);
    }
  }
  for (const chunk of eager) {
    for (const marker of SDK_MARKERS) assert.doesNotMatch(chunk.code, marker, `${chunk.name} has no SDK code`);
  }
  const sdk = chunks.filter((c) => SDK_MARKERS.every((m) => m.test(c.code)));
  assert.equal(sdk.length, 1, `one chunk holds the SDK (chunks: ${chunks.map((c) => c.name).join(', ')})`);
  const sdkFile = base(sdk[0]!.name);
  assert.ok(
    [...eager].some((chunk) =>
      new RegExp(`import\\(\\s*["'\`][^"'\`]*${sdkFile.replace('.', '\\.')}["'\`]`).test(chunk.code),
    ),
    'loaded by a dynamic import',
  );
}

describe('a consumer app bundled with the package', () => {
  const out = mkdtempSync(join(tmpdir(), 'consumer-bundle-'));
  after(() => rmSync(out, { recursive: true, force: true }));

  it('Vite: the SDK lands in a chunk of its own, loaded on demand', async () => {
    const dir = join(out, 'vite');
    await viteBuild({
      root: FIXTURE,
      configFile: false,
      logLevel: 'silent',
      build: { outDir: dir, emptyOutDir: true, rollupOptions: { input: join(FIXTURE, 'main.js') } },
    });
    const files = readdirSync(join(dir, 'assets')).filter((f) => f.endsWith('.js'));
    check(files.map((f) => ({ name: f, code: readFileSync(join(dir, 'assets', f), 'utf8') })));
  });

  it('esbuild (splitting): the SDK lands in a chunk of its own, loaded on demand', async () => {
    const result = await esbuild({
      entryPoints: [join(FIXTURE, 'main.js')],
      bundle: true,
      splitting: true,
      format: 'esm',
      minify: true,
      outdir: join(out, 'esbuild'),
      write: false,
      logLevel: 'silent',
    });
    check(result.outputFiles.map((f) => ({ name: f.path, code: f.text })));
  });
});
