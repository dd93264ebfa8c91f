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

  // The framework snippets: the part of each example between its `readme:start` and `readme:end` lines.
  // (A region that is not a whole program, such as some routes of an object, is kept from Prettier.)
  const regions = [
    ...readme.matchAll(
      /<!-- (examples\/[\w./-]+)#readme -->\n\n(?:<!-- prettier-ignore -->\n)?```\w*\n([\s\S]*?)\n```/g,
    ),
  ];
  it('shows one tested snippet per framework example, and the manager’s backend', () => {
    assert.deepEqual(
      regions.map((r) => r[1]),
      [
        'examples/angular/src/app/app.component.ts',
        'examples/svelte/src/App.svelte',
        'examples/nextjs/app/transfer.tsx',
        'examples/plain-wtr/backend.js',
      ],
    );
  });
  for (const [, path, shown] of regions) {
    it(`shows the marked part of ${path} as it is`, () => {
      const lines = readFileSync(path!, 'utf8').split('\n');
      const from = lines.findIndex((l) => l.includes('readme:start'));
      const to = lines.findIndex((l) => l.includes('readme:end'));
      const body = lines.slice(from + 1, to);
      const indent = Math.min(...body.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
      assert.equal(shown, body.map((l) => l.slice(indent)).join('\n'));
    });
  }
});
