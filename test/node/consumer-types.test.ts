import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';

// A consumer project (test/fixtures/consumer) type-checks against the built package's .d.ts,
// with strict and skipLibCheck: false, and without `any` (assert-types.ts rejects it).
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const check = (project: string) =>
  spawnSync(process.execPath, [tsc, '-p', `test/fixtures/consumer/${project}`, '--pretty', 'false'], {
    encoding: 'utf8',
  });

describe('types for consumers', () => {
  it('type-checks tags, properties and event details in TypeScript and React 19 JSX', () => {
    const result = check('tsconfig.json');
    assert.equal(result.status, 0, result.stdout + result.stderr);
  });

  it('type-checks the tags in Preact JSX', () => {
    const result = check('tsconfig.preact.json');
    assert.equal(result.status, 0, result.stdout + result.stderr);
  });

  it('rejects wrong property types, unknown detail fields, bad option values, wrong `strings` keys and incomplete translations', () => {
    const result = check('tsconfig.negative.json');
    assert.notEqual(result.status, 0);
    const lines = result.stdout.split('\n').filter((line) => line.includes('negative.ts('));
    assert.deepEqual(
      lines.map((line) => /negative\.ts\((\d+),/.exec(line)![1]),
      ['6', '7', '8', '9', '10', '11', '12', '13', '14', '15', '16', '17', '18', '19'],
      result.stdout,
    );
  });
});
