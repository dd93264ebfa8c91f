import type { Browser } from 'puppeteer-core';
import { enrollThroughPage, pageWithAuthenticator, runCeremony } from './support/browser.js';
import { startLab } from '../../bench/lab.js';
import { percentile, round, SectionReport } from './support/report.js';

/**
 * Soak: many step-ups in a row through the built element against the emulator, each token
 * validated on the server. Nothing may fail, and the last hundred may not be slower than the first.
 */
export async function soak(browser: Browser, count: number): Promise<SectionReport> {
  const report = new SectionReport('soak');
  const lab = await startLab(['test/reliability/pages']);
  try {
    const { page } = await pageWithAuthenticator(browser, `${lab.site.url}/bench/pages/ceremony.html`);
    await page.waitForFunction(() => 'runCeremony' in window);
    const userId = `soak-${Date.now()}`;
    if (!report.check('enrolls a passkey first', await enrollThroughPage(page, lab.node, userId))) return report;

    const times: number[] = [];
    const failures: string[] = [];
    for (let i = 0; i < count; i++) {
      const { token } = await lab.node.track({
        userId,
        action: 'high-value-transfer',
        attributes: { idempotencyKey: `soak-${i}` },
      });
      const result = await runCeremony(page, 'step-up-challenge', token);
      const validation =
        result.token === undefined ? undefined : await lab.node.validateChallenge({ token: result.token, userId });
      const ok =
        result.outcome === 'success' && validation?.isValid === true && validation.idempotencyKey === `soak-${i}`;
      if (!ok) failures.push(`#${i}: ${result.outcome}${validation ? ` (valid: ${validation.isValid})` : ''}`);
      times.push(result.total);
    }
    await page.close();

    const first = times.slice(0, 100);
    const last = times.slice(-100);
    const figures = {
      stepUps: count,
      failures: failures.length,
      medianMs: round(percentile(times, 0.5)),
      p95Ms: round(percentile(times, 0.95)),
      first100MedianMs: round(percentile(first, 0.5)),
      last100MedianMs: round(percentile(last, 0.5)),
      first100P95Ms: round(percentile(first, 0.95)),
      last100P95Ms: round(percentile(last, 0.95)),
    };
    Object.assign(report.figures, figures);
    report.check(
      `${count} step-ups, each token validated by the server`,
      failures.length === 0,
      failures.slice(0, 5).join('; '),
    );
    // A leak or a growing store shows as a slower end; 1.5× leaves room for this machine's noise.
    report.check(
      'the last 100 are no slower than the first 100 (median within 1.5×)',
      figures.last100MedianMs <= figures.first100MedianMs * 1.5,
      `${figures.first100MedianMs} → ${figures.last100MedianMs} ms`,
    );
    report.row('soak: step-ups (click → success), failures', `${count}, ${failures.length} failed`);
    report.row('soak: median · p95 per ceremony', `${figures.medianMs} ms · ${figures.p95Ms} ms`);
    report.row(
      'soak: first 100 → last 100 (median · p95)',
      `${figures.first100MedianMs} · ${figures.first100P95Ms} ms → ${figures.last100MedianMs} · ${figures.last100P95Ms} ms`,
    );
  } finally {
    await lab.close();
  }
  return report;
}
