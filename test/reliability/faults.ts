import { Authsignal } from '@authsignal/node';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { startStaticSite } from '../../scripts/static-site.js';
import { enrollThroughPage, pageWithAuthenticator, runCeremony } from './support/browser.js';
import { FaultProxy, type KillPoint } from './support/fault-proxy.js';
import { SECRET, TENANT } from '../../bench/lab.js';
import { SectionReport } from './support/report.js';
import { ServerProcess } from './support/server-process.js';

/**
 * Faults: the emulator process killed (SIGKILL) before, during and after each request of an
 * enrollment and of a step-up. Every such ceremony must end in the `network` error, never in
 * success; after each restart from its data file the passkeys enrolled before must still work and
 * no temporary file may remain. Then ten kills while it writes as fast as it can.
 */
const POINTS: KillPoint[] = ['before', 'during', 'after'];
const WRITE_KILLS = 10;

class Emulator {
  process!: ServerProcess;
  node!: Authsignal;

  constructor(
    private readonly dataFile: string,
    private readonly origin: string,
  ) {}

  async start(): Promise<void> {
    this.process = await ServerProcess.emulator({
      tenantId: TENANT,
      secret: SECRET,
      origins: [this.origin],
      dataFile: this.dataFile,
    });
    this.node = new Authsignal({ apiSecretKey: SECRET, apiUrl: this.process.url, retries: 0 });
  }

  /** Files next to the data file other than the data file itself (temp files of a write). */
  strays(): string[] {
    const folder = join(this.dataFile, '..');
    return readdirSync(folder).filter((name) => name !== 'emulator.json');
  }
}

export async function faults(browser: Browser): Promise<SectionReport> {
  const report = new SectionReport('faults');
  const dir = mkdtempSync(join(tmpdir(), 'reliability-faults-'));
  const site = await startStaticSite(['dist/cdn', 'dist/cdn/locales', 'bench/pages']);
  const emulator = new Emulator(join(dir, 'data', 'emulator.json'), site.url);
  await emulator.start();
  const proxy = new FaultProxy(
    () => emulator.process.url,
    () => emulator.process.kill(),
  );
  site.mount('/v1/', proxy.handle);
  let page: Page | undefined;
  const outcomes: Record<string, string> = {};
  try {
    const opened = await pageWithAuthenticator(browser, `${site.url}/bench/pages/ceremony.html`);
    page = opened.page;
    await page.waitForFunction(() => 'runCeremony' in window);
    const userId = `faults-${Date.now()}`;
    if (!report.check('enrolls a passkey before the faults', await enrollThroughPage(page, emulator.node, userId)))
      return report;
    // Chromium's virtual authenticator keeps at most 3 passkeys: drop the ones the enrollment
    // cases made (the emulator may or may not know them), keep the one enrolled here.
    const { cdp, authenticatorId } = opened;
    const credentials = async () => (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials;
    const keep = new Set((await credentials()).map((c) => c.credentialId));
    const forget = async () => {
      for (const { credentialId } of await credentials()) {
        if (!keep.has(credentialId)) await cdp.send('WebAuthn.removeCredential', { authenticatorId, credentialId });
      }
    };

    /** After a kill: restart from the data file, no temp file left, the earlier passkey still steps up. */
    const recovered = async (): Promise<string | undefined> => {
      proxy.arm(undefined);
      if (!emulator.process.alive) await emulator.start();
      if (emulator.strays().length) return `left ${emulator.strays().join(', ')}`;
      const { token } = await emulator.node.track({ userId, action: 'high-value-transfer' });
      const stepUp = await runCeremony(page!, 'step-up-challenge', token);
      if (stepUp.outcome !== 'success') return `step-up after restart: ${stepUp.outcome}`;
      const validation = await emulator.node.validateChallenge({ token: stepUp.token!, userId });
      return validation.isValid ? undefined : `step-up after restart not valid: ${validation.state}`;
    };

    let enrollments = 0;
    for (const ceremony of ['passkey-enroll', 'step-up-challenge'] as const) {
      for (const request of [1, 2]) {
        for (const point of POINTS) {
          const name = `${ceremony}: killed ${point} request ${request}`;
          // Each enrollment is a new user (the authenticator would refuse a second passkey of one).
          const { token } =
            ceremony === 'passkey-enroll'
              ? await emulator.node.track({ userId: `${userId}-new-${++enrollments}`, action: 'enroll-passkey' })
              : await emulator.node.track({ userId, action: 'high-value-transfer' });
          proxy.arm({ request, point });
          const result = await runCeremony(page, ceremony, token);
          outcomes[name] = result.outcome;
          await forget();
          const problem = await recovered();
          report.check(
            `${name} → network error, then restart: no temp file, earlier passkey works`,
            result.outcome === 'error network' && problem === undefined,
            problem ?? result.outcome,
          );
        }
      }
    }
    const all = Object.values(outcomes);
    report.row(
      'faults: emulator killed before/during/after each request (enroll, step-up)',
      `${all.filter((o) => o === 'error network').length} of ${all.length} ended in network · ${all.filter((o) => o === 'success').length} success`,
    );

    // Kills while writing: many tracks with sizeable attributes in flight, killed at random moments.
    let midWrite = 0;
    const writeProblems: string[] = [];
    for (let kill = 0; kill < WRITE_KILLS; kill++) {
      const writer = emulator.node;
      let writing = true;
      const writers = Array.from({ length: 4 }, async (_, w) => {
        for (let i = 0; writing; i++) {
          await writer
            .track({
              userId: `writer-${kill}-${w}`,
              action: 'bulk',
              attributes: { custom: { blob: 'x'.repeat(50_000), i } },
            })
            .catch(() => (writing = false));
        }
      });
      await new Promise((resolve) => setTimeout(resolve, 150 + Math.random() * 350));
      await emulator.process.kill();
      writing = false;
      await Promise.all(writers);
      if (emulator.strays().length) midWrite++;
      const problem = await recovered();
      if (problem) writeProblems.push(`kill ${kill + 1}: ${problem}`);
      try {
        JSON.parse(readFileSync(join(dir, 'data', 'emulator.json'), 'utf8'));
      } catch (error) {
        writeProblems.push(`kill ${kill + 1}: data file unreadable: ${(error as Error).message}`);
      }
    }
    report.check(
      `${WRITE_KILLS} kills while writing: data file intact, no temp file after restart, passkey works`,
      writeProblems.length === 0,
      writeProblems.slice(0, 3).join('; ') ||
        `${midWrite} of ${WRITE_KILLS} kills left a temp file that the restart removed`,
    );
    report.row(
      `faults: ${WRITE_KILLS} kills while writing`,
      `${midWrite} landed mid-write · ${writeProblems.length} problems · 0 temp files after restart`,
    );
    Object.assign(report.figures, {
      ceremonies: outcomes,
      killsWhileWriting: WRITE_KILLS,
      killsThatLeftATempFile: midWrite,
      problemsAfterRestart: writeProblems.length,
      dataFileBytes: existsSync(join(dir, 'data', 'emulator.json'))
        ? readFileSync(join(dir, 'data', 'emulator.json')).length
        : 0,
    });
  } finally {
    await page?.close();
    await emulator.process.kill();
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return report;
}
