import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { updateResults } from '../../bench/results-file.js';
import { concurrency } from './concurrency.js';
import { faults } from './faults.js';
import { fuzz } from './fuzz.js';
import { leak } from './leak.js';
import { soak } from './soak.js';
import { launchChromium } from './support/browser.js';
import { markdownTable, updateReadmeTable } from './support/readme-table.js';
import type { SectionReport } from './support/report.js';

/**
 * `npm run test:reliability`: soak, leak, fuzz, concurrency and faults against the built elements,
 * the emulator and the demo bank, each as a user or an attacker would meet them. Prints a table,
 * writes the figures to bench/results.json (`reliability`), and ends with `N passed, N failed`.
 * `--long` runs a ten times longer soak and leak; `--only soak,leak` picks sections.
 */
const { values } = parseArgs({
  options: { long: { type: 'boolean', default: false }, only: { type: 'string' } },
});
const scale = values.long ? 10 : 1;
const only = values.only?.split(',');
const wanted = (name: string) => !only || only.includes(name);

execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
const started = Date.now();
const browser = await launchChromium();
const chromium = await browser.version();
const reports: SectionReport[] = [];
const seconds: Record<string, number> = {};
const timed = async (name: string, run: () => Promise<SectionReport>) => {
  if (!wanted(name)) return;
  const t0 = Date.now();
  console.log(`== ${name}`);
  const report = await run();
  seconds[name] = Math.round((Date.now() - t0) / 100) / 10;
  for (const c of report.checks)
    console.log(`  ${c.ok ? 'ok  ' : 'FAIL'} ${c.name}${c.detail ? ` (${c.detail})` : ''}`);
  reports.push(report);
};
try {
  await timed('soak', () => soak(browser, 300 * scale));
  await timed('leak', () => leak(browser, 1000 * scale));
  await timed('fuzz', () => fuzz());
  await timed('concurrency', () => concurrency());
  await timed('faults', () => faults(browser));
} finally {
  await browser.close();
}

const rows = reports.flatMap((r) => r.rows);
console.log(`\n${markdownTable(['check', 'result'], rows)}`);

const passed = reports.reduce((n, r) => n + r.checks.length - r.failed, 0);
const failed = reports.reduce((n, r) => n + r.failed, 0);
if (!only) {
  updateResults({
    reliability: {
      date: new Date().toISOString(),
      environment: { node: process.version, chromium, long: values.long },
      seconds: { ...seconds, total: Math.round((Date.now() - started) / 1000) },
      passed,
      failed,
      // The printed table, row by row: README's Reliability section shows the same rows (a test checks).
      table: rows,
      ...Object.fromEntries(reports.map((r) => [r.section, r.figures])),
    },
  });
  updateReadmeTable(rows);
  console.log('\n(figures written to bench/results.json → reliability, and to README.md → Reliability)');
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
