import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

// README's Reliability table must be the one `npm run test:reliability` last printed and wrote.
const results = JSON.parse(readFileSync('bench/results.json', 'utf8')) as {
  reliability?: { table: [string, string][]; failed: number; passed: number };
};
const readme = readFileSync('README.md', 'utf8');

describe('README Reliability section', () => {
  it('shows the figures of the last reliability run, which passed', () => {
    const reliability = results.reliability;
    assert.ok(reliability, 'bench/results.json has no reliability figures: run npm run test:reliability');
    assert.equal(reliability.failed, 0);
    const start = readme.indexOf('\n## Reliability');
    assert.notEqual(start, -1, 'README has a "## Reliability" section');
    const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
    const rows = section
      .split('\n')
      .filter((line) => line.startsWith('| ') && !line.startsWith('| check ') && !line.startsWith('| ---'))
      .map((line) => line.split(' | ').map((cell) => cell.replace(/^\| ?| ?\|$/g, '').trim()));
    assert.deepEqual(rows, reliability.table);
  });
});
