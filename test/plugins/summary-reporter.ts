import { writeFileSync } from 'node:fs';
import type { Reporter, TestSession } from '@web/test-runner';

interface Suite {
  tests: { passed: boolean; skipped: boolean }[];
  suites: Suite[];
}

function count(suite: Suite | undefined, totals: { passed: number; failed: number; skipped: number }): void {
  if (!suite) return;
  for (const test of suite.tests) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite.suites) count(child, totals);
}

/**
 * Counts tests across every browser and writes them to `$WTR_SUMMARY_FILE` (for `npm test`'s
 * combined line) and prints `N passed, N failed` at exit: wtr's dynamic terminal swallows output
 * written in `stop()`. A file that failed to load counts as a failure.
 */
export function summaryReporter(): Reporter {
  return {
    stop({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions as TestSession[]) {
        count(session.testResults as Suite | undefined, totals);
        totals.failed += session.errors?.length ?? 0;
        if (!session.passed && !session.testResults && !(session.errors?.length ?? 0)) totals.failed++;
      }
      if (process.env.WTR_SUMMARY_FILE) writeFileSync(process.env.WTR_SUMMARY_FILE, JSON.stringify(totals));
      process.once('exit', () => {
        const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
        process.stdout.write(`browser: ${totals.passed} passed, ${totals.failed} failed${skipped}\n`);
      });
    },
  };
}
