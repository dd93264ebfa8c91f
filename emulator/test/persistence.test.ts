import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { startEmulator } from '../index.js';
import { TestEmulator } from './support/test-emulator.js';

describe('emulator: data file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'emulator-data-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps users, passkeys and actions across a restart, and the passkey still works', async () => {
    const dataFile = join(dir, 'nested', 'emulator.json');
    const first = await TestEmulator.start({ dataFile });
    const authenticator = await first.enrolledUser('persist-user');
    const track = await first.server.track({
      userId: 'persist-user',
      action: 'high-value-transfer',
      attributes: { idempotencyKey: 'tx-9' },
    });
    await first.close();

    assert.deepEqual(readdirSync(join(dir, 'nested')), ['emulator.json'], 'no temp file left behind');
    assert.equal(statSync(dataFile).mode & 0o777, 0o600, 'the data file is private');

    const second = await TestEmulator.start({ dataFile });
    try {
      assert.equal((await second.server.getAuthenticators({ userId: 'persist-user' })).length, 1);
      const action = await second.server.getAction({
        userId: 'persist-user',
        action: 'high-value-transfer',
        idempotencyKey: 'tx-9',
      });
      assert.equal(action?.state, 'CHALLENGE_REQUIRED');
      // The token from before the restart still points at the same action.
      const { challengeId, options } = await second.authenticationOptions({ token: track.token });
      const r = await second.client(
        '/client/verify/passkey',
        { authenticationCredential: authenticator.authenticate(options), challengeId },
        { token: track.token },
      );
      assert.equal(r.json.isVerified, true);
      assert.equal(
        (await second.server.validateChallenge({ token: r.json.accessToken as string })).idempotencyKey,
        'tx-9',
      );
    } finally {
      await second.close();
    }
    const third = await TestEmulator.start({ dataFile });
    try {
      const action = await third.server.getAction({
        userId: 'persist-user',
        action: 'high-value-transfer',
        idempotencyKey: 'tx-9',
      });
      assert.equal(action?.state, 'CHALLENGE_SUCCEEDED');
    } finally {
      await third.close();
    }
  });

  it('refuses to start on a corrupt data file instead of wiping it', async () => {
    const dataFile = join(dir, 'corrupt.json');
    writeFileSync(dataFile, '{"version":1,"users":');
    await assert.rejects(() => startEmulator({ port: 0, dataFile }), /not valid JSON/);
    writeFileSync(dataFile, '{"version":7}');
    await assert.rejects(() => startEmulator({ port: 0, dataFile }), /unknown format/);
  });

  it('keeps nothing on disk in memory mode', async () => {
    const t = await TestEmulator.start();
    await t.enrolledUser('memory-user');
    await t.close();
    const again = await TestEmulator.start();
    try {
      assert.equal((await again.server.getAuthenticators({ userId: 'memory-user' })).length, 0);
    } finally {
      await again.close();
    }
  });
});
