import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * The test browsers come from Debian packages, never from a tool's download. Finds them, installs
 * them with apt when running as root, or stops with the exact command to run.
 */
const INSTALL = 'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium firefox-esr';

function which(command: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() || undefined : undefined;
}

export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'].map(which).find(Boolean);
}

export function findFirefox(): string | undefined {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return ['firefox-esr', 'firefox'].map(which).find(Boolean);
}

export function ensureBrowsers(): { chromium: string; firefox: string } {
  let chromium = findChromium();
  let firefox = findFirefox();
  if (chromium && firefox) return { chromium, firefox };
  const missing = [!chromium && 'Chromium', !firefox && 'Firefox ESR'].filter(Boolean).join(' and ');
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !which('apt-get')) {
    throw new Error(
      `${missing} not found. Install them from Debian's packages:\n\n  sudo sh -c '${INSTALL}'\n\nor set CHROME_PATH / FIREFOX_PATH.`,
    );
  }
  console.log(`${missing} not found: installing Debian's chromium and firefox-esr (apt-get)…`);
  execFileSync('sh', ['-c', INSTALL], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  chromium = findChromium();
  firefox = findFirefox();
  if (!chromium || !firefox) throw new Error(`apt-get finished but ${missing} is still missing; run: ${INSTALL}`);
  return { chromium, firefox };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(ensureBrowsers());
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
