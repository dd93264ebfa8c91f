import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DemoClient } from './support/demo-client.js';

/** Runs the demo's entry point as `npm start` does (after the build) and waits for its URL. */
async function startDemo(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'demo/server/main.ts'], {
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk;
      const match = /running on (http:\/\/localhost:\d+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk));
    child.once('exit', (code) => reject(new Error(`demo exited with ${code}: ${out}`)));
    setTimeout(() => reject(new Error(`demo did not start: ${out}`)), 20_000).unref();
  });
  return { child, url };
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

describe('demo: stop and restart', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'demo-restart-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps the user, the passkey, the balance and the history, and the passkey still steps up', async () => {
    // Port 0 both times: passkeys are bound to the rp id (localhost), not to the port.
    const first = await startDemo(dataDir);
    const before = new DemoClient(first.url);
    try {
      assert.equal((await before.signIn('restart-user')).status, 201);
      assert.equal((await before.enrollPasskey()).data.isValid, true);
      await before.request('POST', '/api/transfers', { recipient: 'Bob', amount: 50 });
      const large = await before.request('POST', '/api/transfers', { recipient: 'Carol', amount: 7500 });
      const token = await before.stepUp(large.data.token);
      assert.equal((await before.request('POST', `/api/transfers/${large.data.id}/confirm`, { token })).status, 200);
    } finally {
      await stop(first.child);
    }

    const second = await startDemo(dataDir);
    try {
      // A new browser session on the same device (same authenticator).
      const after = new DemoClient(second.url, before.authenticator);
      assert.equal((await after.signIn('restart-user')).status, 200);
      const account = (await after.request('GET', '/api/account')).data;
      assert.equal(account.balance, 25000 - 50 - 7500);
      assert.deepEqual(
        account.transfers.map((t: { recipient: string; status: string }) => [t.recipient, t.status]),
        [
          ['Carol', 'executed'],
          ['Bob', 'executed'],
        ],
      );
      assert.equal((await after.request('GET', '/api/passkeys')).data.length, 1);
      const large = await after.request('POST', '/api/transfers', { recipient: 'Dave', amount: 6000 });
      assert.equal(large.status, 202);
      const token = await after.stepUp(large.data.token);
      const confirmed = await after.request('POST', `/api/transfers/${large.data.id}/confirm`, { token });
      assert.equal(confirmed.status, 200);
      assert.equal(confirmed.data.balance, 25000 - 50 - 7500 - 6000);
    } finally {
      await stop(second.child);
    }
  });

  it('refuses a half-configured real Authsignal', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'demo/server/main.ts'], {
      env: {
        ...process.env,
        PORT: '0',
        AUTHSIGNAL_TENANT_ID: 'x',
        AUTHSIGNAL_API_SECRET_KEY: '',
        AUTHSIGNAL_API_URL: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c));
    const code = await new Promise((r) => child.once('exit', r));
    assert.equal(code, 2);
    assert.match(err, /missing: AUTHSIGNAL_API_SECRET_KEY, AUTHSIGNAL_API_URL/);
  });
});
