import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Authsignal } from '@authsignal/node';
import { startDemoServer, type RunningDemo } from '../../demo/server/demo-server.js';
import { PasswordHasher } from '../../demo/server/password-hasher.js';
import { DemoClient } from './support/demo-client.js';

const CHEAP_HASHER = new PasswordHasher({ N: 2 ** 10, r: 8, p: 1 });

/**
 * The bank's passkey sign-in holds an Authsignal session (`createSession` from the validated
 * token), checked on every request; signing out revokes it, "sign out everywhere" revokes them
 * all, and a session revoked at Authsignal (its portal, an admin) ends at the bank too.
 */
describe('demo bank: Authsignal sessions', () => {
  const dir = mkdtempSync(join(tmpdir(), 'demo-sessions-'));
  let demo: RunningDemo;
  /** The bank's backend credentials at the embedded emulator: what an administrator would use. */
  let admin: Authsignal;
  let users = 0;

  /** An account with a passkey, signed out; and a second browser signed in with that passkey. */
  const passkeyUser = async () => {
    const owner = new DemoClient(demo.url);
    assert.equal((await owner.signIn(`sess${++users}`)).status, 201);
    assert.equal((await owner.enrollPasskey()).data.isValid, true);
    const { userId } = (await owner.request('GET', '/api/account')).data as { userId: string };
    const device = new DemoClient(demo.url, owner.authenticator);
    const signedIn = await device.request('POST', '/api/session/passkey', { token: await device.passkeySignInToken() });
    assert.equal(signedIn.status, 200);
    return { owner, device, userId };
  };
  /** The Authsignal tokens the bank keeps (server side, in its data file) for the sessions of `userId`. */
  const tokensOf = (userId: string) => {
    const bank = JSON.parse(readFileSync(join(dir, 'bank.json'), 'utf8')) as {
      sessions: Record<string, { accountId: string; authsignal?: { accessToken: string; refreshToken: string } }>;
    };
    return Object.values(bank.sessions).flatMap((s) => (s.accountId === userId && s.authsignal ? [s.authsignal] : []));
  };

  before(async () => {
    demo = await startDemoServer(
      { port: 0, host: '127.0.0.1', dataDir: dir, signInsPerAddressPerMinute: 1000 },
      CHEAP_HASHER,
    );
    admin = new Authsignal({
      apiSecretKey: readFileSync(join(dir, 'emulator-secret'), 'utf8').trim(),
      apiUrl: `${demo.url}/v1`,
    });
  });
  after(async () => {
    await demo.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a passkey sign-in creates an Authsignal session for the bank, which holds it on the server', async () => {
    const { device, userId } = await passkeyUser();
    const [session] = tokensOf(userId);
    assert.ok(session, 'the bank keeps the session');
    const validated = await admin.validateSession({ accessToken: session.accessToken, clientIds: ['demo-bank'] });
    assert.deepEqual([validated.user.userId, validated.verificationMethod], [userId, 'PASSKEY']);
    assert.doesNotMatch(device.cookie, /eyJ/, 'no token in the cookie: the browser holds only the bank session id');
  });

  it('signing out revokes the session at Authsignal', async () => {
    const { device, userId } = await passkeyUser();
    const [session] = tokensOf(userId);
    assert.equal((await device.request('DELETE', '/api/session')).status, 200);
    await assert.rejects(() => admin.validateSession({ accessToken: session!.accessToken }), { statusCode: 401 });
    await assert.rejects(() => admin.refreshSession({ refreshToken: session!.refreshToken }), { statusCode: 401 });
    assert.deepEqual(tokensOf(userId), []);
  });

  it('a session revoked at Authsignal ends at the bank: the stolen cookie no longer works', async () => {
    const { device, userId } = await passkeyUser();
    const thief = new DemoClient(demo.url);
    const stolen = { cookie: device.sessionCookie };
    assert.equal((await thief.request('GET', '/api/account', undefined, stolen)).status, 200);
    await admin.revokeUserSessions({ userId });
    assert.equal((await thief.request('GET', '/api/account', undefined, stolen)).status, 401);
    assert.equal((await device.request('GET', '/api/account')).status, 401);
    assert.deepEqual(tokensOf(userId), [], 'the bank dropped the session it found revoked');
  });

  it('"sign out everywhere" ends every session of the account, passkey and password alike', async () => {
    const { owner, device, userId } = await passkeyUser();
    const second = new DemoClient(demo.url, owner.authenticator);
    assert.equal(
      (await second.request('POST', '/api/session/passkey', { token: await second.passkeySignInToken() })).status,
      200,
    );
    const password = new DemoClient(demo.url);
    assert.equal((await password.signIn(`sess${users}`)).status, 200);
    const sessions = tokensOf(userId);
    assert.equal(sessions.length, 2);
    const out = await password.request('DELETE', '/api/sessions');
    assert.equal(out.status, 200);
    assert.match(out.headers.get('set-cookie')!, /Max-Age=0/);
    for (const client of [device, second, password]) {
      assert.equal((await client.request('GET', '/api/account')).status, 401);
    }
    for (const s of sessions) {
      await assert.rejects(() => admin.validateSession({ accessToken: s.accessToken }), { statusCode: 401 });
    }
    assert.equal((await new DemoClient(demo.url).request('DELETE', '/api/sessions')).status, 401, 'signed in only');
  });

  it('an expired access token is refreshed once for concurrent requests, and the rotated tokens kept', async () => {
    const { device, userId } = await passkeyUser();
    const [before] = tokensOf(userId);
    demo.emulator!.advanceClock(601);
    try {
      const answers = await Promise.all(Array.from({ length: 6 }, () => device.request('GET', '/api/account')));
      assert.deepEqual(
        answers.map((a) => a.status),
        [200, 200, 200, 200, 200, 200],
      );
      const [after] = tokensOf(userId);
      assert.notEqual(after!.refreshToken, before!.refreshToken);
      // Had two requests presented the old refresh token, Authsignal would have revoked the session.
      assert.equal((await device.request('GET', '/api/account')).status, 200);
      await assert.rejects(() => admin.refreshSession({ refreshToken: before!.refreshToken }), { statusCode: 401 });
      // That reuse (a thief's) revoked the family: the bank's session ends with it.
      assert.equal((await device.request('GET', '/api/account')).status, 401);
    } finally {
      demo.emulator!.resetClock();
    }
  });

  it('Authsignal rate-limiting the check signs nobody out: the request fails, the session stays', async () => {
    const { device } = await passkeyUser();
    demo.emulator!.setFaults({ fail: [{ path: '/v1/sessions/validate', status: 429 }] });
    try {
      assert.equal((await device.request('GET', '/api/account')).status, 502);
    } finally {
      demo.emulator!.setFaults({});
    }
    assert.equal((await device.request('GET', '/api/account')).status, 200);
  });

  it('a new password revokes the Authsignal sessions of the other browsers', async () => {
    const { device, userId } = await passkeyUser();
    const [session] = tokensOf(userId);
    const owner = new DemoClient(demo.url, device.authenticator);
    assert.equal((await owner.signIn(`sess${users}`)).status, 200);
    const change = await owner.request('POST', '/api/account/password', {
      currentPassword: 'correct horse battery',
      newPassword: 'a brand new passphrase',
    });
    assert.equal(change.status, 202, 'a step-up is needed first');
    const token = await owner.stepUp(change.data.token as string);
    const done = await owner.request('POST', `/api/account/password/${change.data.id as string}`, { token });
    assert.equal(done.status, 200, JSON.stringify(done.data));
    assert.equal((await device.request('GET', '/api/account')).status, 401);
    await assert.rejects(() => admin.validateSession({ accessToken: session!.accessToken }), { statusCode: 401 });
    assert.equal((await owner.request('GET', '/api/account')).status, 200);
  });
});
