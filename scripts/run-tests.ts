import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBrowsers } from './ensure-browsers.js';

/**
 * `npm test`: Node's test runner for the server code, then @web/test-runner in Chromium and
 * Firefox ESR, ending with one plain `N passed, N failed` line over both.
 */
interface Totals {
  passed: number;
  failed: number;
  skipped: number;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function readTap(file: string): Totals | undefined {
  try {
    const tap = readFileSync(file, 'utf8');
    const n = (key: string) => Number(new RegExp(`^# ${key} (\\d+)$`, 'm').exec(tap)?.[1] ?? NaN);
    const totals = { passed: n('pass'), failed: n('fail') + n('cancelled'), skipped: n('skipped') + n('todo') };
    return Number.isNaN(totals.passed + totals.failed + totals.skipped) ? undefined : totals;
  } catch {
    return undefined;
  }
}

function readJson(file: string): Totals | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Totals;
  } catch {
    return undefined;
  }
}

const scratch = mkdtempSync(join(tmpdir(), 'passkey-elements-test-'));
const totals: Totals = { passed: 0, failed: 0, skipped: 0 };
const add = (part: Totals | undefined, exitCode: number, label: string) => {
  if (!part) {
    console.error(`${label}: no results were reported (exit ${exitCode})`);
    totals.failed++;
    return;
  }
  totals.passed += part.passed;
  totals.failed += part.failed;
  totals.skipped += part.skipped;
  if (exitCode !== 0 && part.failed === 0) totals.failed++;
};

try {
  let browsersReady = true;
  let browserEnv: NodeJS.ProcessEnv = {};
  try {
    const { chromium, firefox } = ensureBrowsers();
    browserEnv = { CHROME_PATH: chromium, FIREFOX_PATH: firefox };
  } catch (error) {
    console.error(`\n${(error as Error).message}\n`);
    browsersReady = false;
  }

  // The browser tests include the built CDN bundle: build it from the current source first.
  const buildExit = await run('npm', ['run', '--silent', 'build']);
  if (buildExit !== 0) {
    console.error('build failed');
    totals.failed++;
  }

  // The server code's tests: the demo's and the packaging's (test/node), the emulator's own (emulator/test).
  const nodeFiles = ['test/node', 'emulator/test'].flatMap((folder) =>
    readdirSync(folder)
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => join(folder, f)),
  );
  const tap = join(scratch, 'node.tap');
  const nodeExit = await run(process.execPath, [
    '--import',
    'tsx',
    '--test',
    // Files run in parallel processes (each test file uses its own servers on free ports).
    '--test-concurrency=2',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...nodeFiles,
  ]);
  add(readTap(tap), nodeExit, 'node tests');

  if (browsersReady) {
    const summary = join(scratch, 'wtr.json');
    const wtrExit = await run(process.execPath, ['--import', 'tsx', 'node_modules/@web/test-runner/dist/bin.js'], {
      ...browserEnv,
      WTR_SUMMARY_FILE: summary,
    });
    add(readJson(summary), wtrExit, 'browser tests');
  } else {
    totals.failed++;
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`\n${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed > 0 ? 1 : 0);
