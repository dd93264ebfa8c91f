import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Authsignal } from '@authsignal/node';
import { startEmulator, type RunningEmulator } from '../index.js';

// What an integrator gets from `startEmulator()`: a free port, memory only, its address and keys,
// the outbox, a clock to move, and faults to inject.
describe('emulator: startEmulator() for tests', () => {
  let emulator: RunningEmulator;
  let node: Authsignal;
  before(async () => {
    emulator = await startEmulator({
      origins: ['http://localhost:8000'],
      rules: { defaultState: 'ALLOW', actions: { 'high-value-transfer': 'CHALLENGE_REQUIRED' } },
      printOutbox: false,
    });
    node = new Authsignal({ apiSecretKey: emulator.secret, apiUrl: emulator.baseUrl });
  });
  after(() => emulator.close());

  const client = (path: string, token: string) =>
    fetch(`${emulator.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        origin: 'http://localhost:8000',
      },
      body: '{}',
    });

  it('listens on a free port, keeps nothing on disk, and says where and with which keys', async () => {
    assert.notEqual(emulator.port, 4000);
    assert.match(emulator.baseUrl, /^http:\/\/localhost:\d+\/v1$/);
    assert.equal(emulator.url, emulator.baseUrl);
    assert.equal(emulator.tenantId, 'local-tenant');
    assert.equal(emulator.secret, 'local-secret');
    assert.equal(typeof (await node.track({ userId: 'kit-user', action: 'high-value-transfer' })).token, 'string');
    // Memory only: run from an empty folder, nothing is written there.
    const cwd = process.cwd();
    const dir = mkdtempSync(join(tmpdir(), 'kit-'));
    process.chdir(dir);
    try {
      const quiet = await startEmulator();
      await new Authsignal({ apiSecretKey: quiet.secret, apiUrl: quiet.baseUrl }).track({ userId: 'u', action: 'a' });
      await quiet.close();
      assert.deepEqual(readdirSync(dir), []);
    } finally {
      process.chdir(cwd);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('moves its clock: a token past its 10 minutes no longer validates, and back', async () => {
    const { token } = await node.track({ userId: 'kit-clock', action: 'enroll-passkey' });
    emulator.advanceClock(601);
    try {
      assert.equal((await client('/client/user-authenticators/passkey/registration-options', token!)).status, 401);
    } finally {
      emulator.resetClock();
    }
    assert.equal((await client('/client/user-authenticators/passkey/registration-options', token!)).status, 200);
  });

  it('hands over the codes it "sent"', async () => {
    await node.enrollVerifiedAuthenticator({
      userId: 'kit-mail',
      attributes: { verificationMethod: 'EMAIL_OTP' as never, email: 'kit@example.com' },
    });
    const { token } = await node.track({ userId: 'kit-mail', action: 'high-value-transfer' });
    assert.equal((await client('/client/challenge/email-otp', token!)).status, 200);
    const [message] = emulator.outbox('kit@example.com');
    assert.match(message!.code, /^\d{6}$/);
    assert.equal(
      emulator.outbox().some((m) => m.to === 'kit@example.com'),
      true,
    );
  });

  it('injects latency and failures for chosen routes, always or at a rate, until set back', async () => {
    const { token } = await node.track({ userId: 'kit-faults', action: 'enroll-passkey' });
    const path = '/client/user-authenticators/passkey/registration-options';
    emulator.setFaults({ fail: [{ path: `/v1${path}`, status: 503 }] });
    const failed = await client(path, token!);
    assert.equal(failed.status, 503);
    assert.equal(((await failed.json()) as { error: string }).error, 'internal_error');
    emulator.setFaults({ fail: [{ path: /registration-options$/, status: 429, rate: 0 }] });
    assert.equal((await client(path, token!)).status, 200, 'rate 0: never');
    emulator.setFaults({ latencyMs: 150 });
    const started = performance.now();
    assert.equal((await client(path, token!)).status, 200);
    assert.ok(performance.now() - started >= 140, 'the answer waited');
    emulator.setFaults({});
    const other = await startEmulator({ faults: { fail: [{ path: /./, status: 500 }] } });
    try {
      assert.equal((await fetch(`${other.baseUrl}/users/x`)).status, 500, 'faults given as an option');
    } finally {
      await other.close();
    }
  });
});
