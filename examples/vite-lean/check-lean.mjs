// What a browser app that only uses the elements pays: no Node server dependency installed for
// production, no emulator or testing code in its build, and the SDK in a chunk of its own.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const tree = JSON.parse(execFileSync('npm', ['ls', '--omit=dev', '--all', '--json'], { encoding: 'utf8' }));
const installed = new Set();
const walk = (deps = {}) => {
  // Optional peers the app did not install are listed too, without a version (`missing`).
  for (const [name, info] of Object.entries(deps)) {
    if (!info.version || info.missing) continue;
    installed.add(name);
    walk(info.dependencies);
  }
};
walk(tree.dependencies);
assert.ok(installed.has('passkey-elements') && installed.has('lit') && installed.has('@authsignal/browser'));
const serverOnly = [
  '@simplewebauthn/server',
  'jose',
  'otpauth',
  '@authsignal/node',
  '@web/test-runner',
  'playwright-core',
];
assert.deepEqual(
  serverOnly.filter((name) => installed.has(name) || existsSync(`node_modules/${name}`)),
  [],
  'no Node server dependency installed',
);

execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
const files = readdirSync('dist/assets').filter((f) => f.endsWith('.js'));
const built = files.map((f) => readFileSync(`dist/assets/${f}`, 'utf8')).join('\n');
for (const marker of [
  'Authsignal-compatible emulator',
  '/v1/dev/outbox',
  'passkey:add-authenticator',
  'WebAuthn.addVirtualAuthenticator',
]) {
  assert.equal(built.includes(marker), false, `the build has no emulator or testing code (${marker})`);
}
// The SDK's own passkey paths (<passkey-manager> reads the bare `/client/user-authenticators` itself).
const sdk = files.filter((f) =>
  readFileSync(`dist/assets/${f}`, 'utf8').includes('/client/user-authenticators/passkey'),
);
assert.equal(sdk.length, 1, 'the SDK is in one chunk');
assert.equal(
  readFileSync(`dist/assets/${sdk[0]}`, 'utf8').includes('customElements.define'),
  false,
  'apart from the elements',
);
console.log(`lean: ${installed.size} production packages, none for Node; ${files.length} chunks, the SDK apart`);
