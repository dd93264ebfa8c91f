import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureBrowsers } from './ensure-browsers.js';

/**
 * `npm run test:examples`: each integrator project in examples/ as a customer has it: a copy of
 * its folder elsewhere, `passkey-elements` installed from `npm pack` of this repository (not from
 * the source tree), its other dependencies from the registry, and its own test commands run.
 * Ends with one `N passed, N failed` line (one per test command).
 */
function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<number> {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd, stdio: 'inherit', env: { ...process.env, ...env } });
    child.once('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

const root = process.cwd();
const scratch = mkdtempSync(join(tmpdir(), 'passkey-elements-examples-'));
let passed = 0;
let failed = 0;
try {
  const { chromium } = ensureBrowsers();
  if ((await run('npm', ['run', '--silent', 'build'], root)) !== 0) throw new Error('build failed');
  if ((await run('npm', ['pack', '--silent', '--pack-destination', scratch], root)) !== 0)
    throw new Error('npm pack failed');
  const tarball = join(
    scratch,
    readdirSync(scratch).find((f) => f.endsWith('.tgz'))!,
  );

  // EXAMPLES=svelte,nextjs narrows the run.
  const only = process.env.EXAMPLES?.split(',');
  for (const name of readdirSync('examples')) {
    const source = resolve('examples', name);
    if (!existsSync(join(source, 'package.json')) || (only && !only.includes(name))) continue;
    const started = performance.now();
    const dir = join(scratch, name);
    cpSync(source, dir, { recursive: true, filter: (path) => !path.includes('node_modules') });
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    pkg.dependencies['passkey-elements'] = `file:${tarball}`;
    writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
    console.log(`\n== examples/${name}: npm install (passkey-elements from ${tarball.split('/').at(-1)})`);
    if ((await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], dir)) !== 0) {
      console.error(`examples/${name}: npm install failed`);
      failed++;
      continue;
    }
    for (const script of ['test', 'test:playwright', 'test:lean']) {
      if (!pkg.scripts?.[script]) continue;
      console.log(`\n== examples/${name}: npm run ${script}`);
      const code = await run('npm', ['run', '--silent', script], dir, { CHROME_PATH: chromium });
      if (code === 0) passed++;
      else {
        console.error(`examples/${name}: npm run ${script} failed (exit ${code})`);
        failed++;
      }
    }
    console.log(`== examples/${name}: ${Math.round((performance.now() - started) / 1000)} s, install included`);
  }
} catch (error) {
  console.error(`test:examples: ${(error as Error).message}`);
  failed++;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
