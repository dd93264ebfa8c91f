import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

// The README's "Testing your integration" shows the example's files: each block under a
// `<!-- path -->` marker must be that file, byte for byte.
describe('README testing snippets', () => {
  const readme = readFileSync('README.md', 'utf8');
  const blocks = [...readme.matchAll(/<!-- (examples\/[\w./-]+) -->\n\n```\w*\n([\s\S]*?)\n```/g)];

  it('shows the example project, its wtr and Playwright tests included', () => {
    assert.deepEqual(
      blocks.map((b) => b[1]),
      [
        'examples/plain-wtr/web-test-runner.config.mjs',
        'examples/plain-wtr/test/transfer.test.js',
        'examples/plain-wtr/backend.js',
        'examples/plain-wtr/app.js',
        'examples/plain-wtr/test/transfer.playwright.test.mjs',
      ],
    );
  });

  for (const [, path, shown] of blocks) {
    it(`shows ${path} as it is`, () => {
      assert.equal(shown, readFileSync(path!, 'utf8').replace(/\n$/, ''));
    });
  }
});
