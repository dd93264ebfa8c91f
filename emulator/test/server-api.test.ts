import assert from 'node:assert/strict';
import { Authsignal } from '@authsignal/node';
import { after, before, describe, it } from 'node:test';
import { TestEmulator } from './support/test-emulator.js';

describe('emulator: server API through @authsignal/node', () => {
  let t: TestEmulator;
  before(async () => (t = await TestEmulator.start()));
  after(() => t.close());

  it('refuses a wrong or missing secret with 401 unauthorized on every endpoint', async () => {
    const wrong = new Authsignal({ apiSecretKey: 'not-the-secret', apiUrl: t.emulator.url });
    const calls: [string, () => Promise<unknown>][] = [
      ['track', () => wrong.track({ userId: 'u', action: 'a' })],
      ['validateChallenge', () => wrong.validateChallenge({ token: 'x' })],
      ['getUser', () => wrong.getUser({ userId: 'u' })],
      ['getAuthenticators', () => wrong.getAuthenticators({ userId: 'u' })],
      ['deleteAuthenticator', () => wrong.deleteAuthenticator({ userId: 'u', userAuthenticatorId: 'x' })],
      ['getAction', () => wrong.getAction({ userId: 'u', action: 'a', idempotencyKey: 'k' })],
      [
        'updateAction',
        () =>
          wrong.updateAction({
            userId: 'u',
            action: 'a',
            idempotencyKey: 'k',
            attributes: { state: 'BLOCK' as never },
          }),
      ],
    ];
    for (const [name, call] of calls) {
      await assert.rejects(call, (e: { statusCode: number; errorCode: string; message: string }) => {
        assert.equal(e.statusCode, 401, name);
        assert.equal(e.errorCode, 'unauthorized', name);
        assert.match(e.message, /unauthorized/i);
        return true;
      });
    }
    const none = await fetch(`${t.emulator.url}/users/u`);
    assert.equal(none.status, 401);
    assert.equal(((await none.json()) as { error: string }).error, 'unauthorized');
    // Nothing was recorded by the refused track.
    assert.equal((await t.server.getUser({ userId: 'u' })).isEnrolled, false);
    await assert.rejects(() => t.server.getAction({ userId: 'u', action: 'a', idempotencyKey: 'k' }), {
      statusCode: 404,
    });
  });

  it('gives track the state of the rules, CHALLENGE_REQUIRED only for enrolled users', async () => {
    const before = await t.server.track({ userId: 'rules-user', action: 'high-value-transfer' });
    assert.equal(before.state, 'ALLOW');
    assert.equal(before.isEnrolled, false);
    assert.match(before.url, /\?/);
    assert.match(before.token, /^eyJ/);
    await t.enrolledUser('rules-user');
    const after = await t.server.track({ userId: 'rules-user', action: 'high-value-transfer' });
    assert.equal(after.state, 'CHALLENGE_REQUIRED');
    assert.equal(after.isEnrolled, true);
    assert.deepEqual(after.enrolledVerificationMethods, ['PASSKEY']);
    assert.equal((await t.server.track({ userId: 'rules-user', action: 'delete-account' })).state, 'BLOCK');
    assert.equal((await t.server.track({ userId: 'rules-user', action: 'view-balance' })).state, 'ALLOW');
  });

  it('returns the same action when tracked again with its idempotency key', async () => {
    await t.enrolledUser('idem-user');
    const first = await t.server.track({
      userId: 'idem-user',
      action: 'high-value-transfer',
      attributes: { idempotencyKey: 'tx-1', custom: { amount: 7500 } },
    });
    assert.equal(first.idempotencyKey, 'tx-1');
    await t.server.updateAction({
      userId: 'idem-user',
      action: 'high-value-transfer',
      idempotencyKey: 'tx-1',
      attributes: { state: 'REVIEW_REQUIRED' as never },
    });
    const again = await t.server.track({
      userId: 'idem-user',
      action: 'high-value-transfer',
      attributes: { idempotencyKey: 'tx-1' },
    });
    assert.equal(again.state, 'REVIEW_REQUIRED');
    const action = await t.server.getAction({
      userId: 'idem-user',
      action: 'high-value-transfer',
      idempotencyKey: 'tx-1',
    });
    assert.equal(action?.state, 'REVIEW_REQUIRED');
    assert.deepEqual(action?.output, { amount: 7500 });
  });

  it('validates the track token as pending, never as valid, before any challenge', async () => {
    await t.enrolledUser('pending-user');
    const track = await t.server.track({ userId: 'pending-user', action: 'high-value-transfer' });
    const v = await t.server.validateChallenge({
      token: track.token,
      userId: 'pending-user',
      action: 'high-value-transfer',
    });
    assert.equal(v.isValid, false);
    assert.equal(v.state, 'CHALLENGE_REQUIRED');
    assert.equal(v.userId, 'pending-user');
    assert.equal(v.action, 'high-value-transfer');
    assert.equal(v.idempotencyKey, track.idempotencyKey);
  });

  it('reports mismatched user or action, forged and expired tokens as invalid', async () => {
    const track = await t.server.track({ userId: 'v-user', action: 'enroll-passkey' });
    const { response } = await t.enroll(track.token);
    const token = response.json.accessToken as string;
    assert.equal((await t.server.validateChallenge({ token })).isValid, true);
    assert.equal((await t.server.validateChallenge({ token, userId: 'someone-else' })).error, 'user_mismatch');
    assert.equal((await t.server.validateChallenge({ token, action: 'high-value-transfer' })).error, 'action_mismatch');
    const [h, p, s] = token.split('.');
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString());
    payload.sub = payload.other.userId = 'mallory';
    const forged = `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
    const f = await t.server.validateChallenge({ token: forged });
    assert.equal(f.isValid, false);
    assert.equal(f.error, 'invalid_token');
    assert.equal(f.userId, undefined);
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${p}.`;
    assert.equal((await t.server.validateChallenge({ token: unsigned })).error, 'invalid_token');
    t.advance(601);
    try {
      const e = await t.server.validateChallenge({ token });
      assert.equal(e.isValid, false);
      assert.equal(e.error, 'expired_token');
    } finally {
      t.advance(-601);
    }
  });

  it("does not accept another emulator tenant's tokens", async () => {
    const other = await TestEmulator.start({ tenantId: 'other-tenant', secret: 'other-secret' });
    try {
      const track = await other.server.track({ userId: 'x', action: 'enroll-passkey' });
      assert.equal((await t.server.validateChallenge({ token: track.token })).error, 'invalid_token');
    } finally {
      await other.close();
    }
  });

  it('lists and deletes authenticators, and a deleted user is no longer enrolled', async () => {
    await t.enrolledUser('list-user');
    const [authenticator] = await t.server.getAuthenticators({ userId: 'list-user' });
    assert.ok(authenticator?.webauthnCredential?.credentialId);
    await t.server.deleteAuthenticator({ userId: 'list-user', userAuthenticatorId: authenticator.userAuthenticatorId });
    assert.equal((await t.server.getAuthenticators({ userId: 'list-user' })).length, 0);
    assert.equal((await t.server.getUser({ userId: 'list-user' })).isEnrolled, false);
    await assert.rejects(
      () =>
        t.server.deleteAuthenticator({ userId: 'list-user', userAuthenticatorId: authenticator.userAuthenticatorId }),
      { statusCode: 404, errorCode: 'not_found' },
    );
  });

  it("cannot delete another user's authenticator", async () => {
    await t.enrolledUser('owner');
    const [authenticator] = await t.server.getAuthenticators({ userId: 'owner' });
    await assert.rejects(
      () =>
        t.server.deleteAuthenticator({ userId: 'intruder', userAuthenticatorId: authenticator!.userAuthenticatorId }),
      { statusCode: 404 },
    );
    assert.equal((await t.server.getAuthenticators({ userId: 'owner' })).length, 1);
  });

  it('validates input: unknown scopes and states are 400 invalid_request', async () => {
    await assert.rejects(() => t.server.track({ userId: 'u2', action: 'a', attributes: { scope: 'root' } }), {
      statusCode: 400,
      errorCode: 'invalid_request',
    });
    const track = await t.server.track({ userId: 'u2', action: 'a', attributes: { idempotencyKey: 'k2' } });
    assert.ok(track.token);
    await assert.rejects(
      () =>
        t.server.updateAction({
          userId: 'u2',
          action: 'a',
          idempotencyKey: 'k2',
          attributes: { state: 'DONE' as never },
        }),
      { statusCode: 400, errorCode: 'invalid_request' },
    );
  });
});
