import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { registerEmulatorApis } from '../emulator.js';
import type { EmulatorContext } from '../emulator-context.js';
import { Router } from '../../shared/router.js';

/**
 * The README's table of the emulator's routes against the routes it really registers: a route
 * served and not documented, or documented and not served, fails here. In a row, `A · /b · /c`
 * stands for `A`, then `A`'s last segment replaced by `b` and by `c`; a longer path stands for itself.
 */
const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
/** Served outside the JSON router: the pre-built UI's page and files. */
const OUTSIDE_ROUTER = ['GET /prebuilt/'];

function documented(): string[] {
  const start = README.indexOf('<!-- emulator-routes:start -->');
  const end = README.indexOf('<!-- emulator-routes:end -->');
  assert.ok(start !== -1 && end > start, 'the README has the route table');
  return README.slice(start, end)
    .split('\n')
    .filter((line) => /^\| `/.test(line))
    .flatMap((line) => {
      const cell = line.split('|')[1]!;
      const [first, ...more] = [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
      const [method, path] = first!.split(' ') as [string, string];
      const parent = path.slice(0, path.lastIndexOf('/'));
      const other = (tail: string) => (tail.split('/').length > 2 ? tail : `${parent}${tail}`);
      return [`${method} ${path}`, ...more.map((tail) => `${method} ${other(tail)}`)];
    });
}

describe('emulator: the README lists every route it serves', () => {
  it('documents exactly the registered routes', () => {
    const router = new Router();
    registerEmulatorApis(router, { now: Date.now } as EmulatorContext, 't', {});
    const served = router.list().map(({ method, pattern }) => `${method} ${pattern.replace(/^\/v1/, '')}`);
    const listed = documented();
    assert.deepEqual(
      served.filter((route) => !listed.includes(route)),
      [],
      'served but missing from the README',
    );
    assert.deepEqual(
      listed.filter((route) => !served.includes(route) && !OUTSIDE_ROUTER.includes(route)),
      [],
      'in the README but not served',
    );
  });
});
