import assert from 'node:assert/strict';
import { Authsignal } from '@authsignal/node';
import { after, before, describe, it } from 'node:test';
import { TestEmulator } from './support/test-emulator.js';

describe('emulator: users through @authsignal/node (update, delete, query, actions)', () => {
  let t: TestEmulator;
  before(async () => (t = await TestEmulator.start()));
  after(() => t.close());

  it('updates attributes (custom merged, locale), answers them, and getUser reports them', async () => {
    const updated = await t.server.updateUser({
      userId: 'u-update',
      attributes: {
        email: 'Ann@Example.com',
        username: 'ann',
        displayName: 'Ann',
        locale: 'pt-BR',
        custom: { tier: 'gold' },
      },
    });
    assert.deepEqual(updated, {
      email: 'Ann@Example.com',
      username: 'ann',
      displayName: 'Ann',
      locale: 'pt-BR',
      custom: { tier: 'gold' },
    });
    await t.server.updateUser({ userId: 'u-update', attributes: { custom: { score: 3 }, emailVerified: true } });
    const user = await t.server.getUser({ userId: 'u-update' });
    assert.equal(user.email, 'Ann@Example.com');
    assert.equal(user.emailVerified, true);
    assert.deepEqual(user.custom, { tier: 'gold', score: 3 });
    assert.equal(user.isEnrolled, false);
    for (const attributes of [
      { email: 'not an address' },
      { phoneNumber: '12' },
      { locale: 'english please' },
      { emailVerified: 'yes' },
    ]) {
      await assert.rejects(() => t.server.updateUser({ userId: 'u-update', attributes: attributes as never }), {
        statusCode: 400,
      });
    }
  });

  it('deletes a user with their authenticators and actions: their tokens no longer validate', async () => {
    await t.enrolledUser('u-delete');
    const track = await t.server.track({
      userId: 'u-delete',
      action: 'high-value-transfer',
      attributes: { idempotencyKey: 'k' },
    });
    await t.server.deleteUser({ userId: 'u-delete' });
    assert.deepEqual(await t.server.getAuthenticators({ userId: 'u-delete' }), []);
    assert.equal((await t.server.getUser({ userId: 'u-delete' })).isEnrolled, false);
    await assert.rejects(
      () => t.server.getAction({ userId: 'u-delete', action: 'high-value-transfer', idempotencyKey: 'k' }),
      {
        statusCode: 404,
      },
    );
    const validation = await t.server.validateChallenge({ token: track.token });
    assert.equal(validation.isValid, false);
    await assert.rejects(() => t.server.deleteUser({ userId: 'u-delete' }), { statusCode: 404 });
    const wrong = new Authsignal({ apiSecretKey: 'wrong', apiUrl: t.emulator.url });
    await assert.rejects(() => wrong.deleteUser({ userId: 'u-update' }), { statusCode: 401 });
    assert.equal((await t.server.getUser({ userId: 'u-update' })).username, 'ann', 'a refused delete deletes nothing');
  });

  it('queries users by username, email or phone number, in pages, and by a token', async () => {
    for (const n of [1, 2, 3]) {
      await t.server.updateUser({
        userId: `q-${n}`,
        attributes: { username: `query${n}`, email: `q${n}@example.com` },
      });
    }
    await t.server.enrollVerifiedAuthenticator({
      userId: 'q-2',
      attributes: { verificationMethod: 'SMS' as never, phoneNumber: '+64275550123' },
    });
    const byName = await t.server.queryUsers({ username: 'query1' });
    assert.deepEqual(byName.users, [
      { userId: 'q-1', email: 'q1@example.com', emailVerified: false, phoneNumberVerified: false, username: 'query1' },
    ]);
    assert.deepEqual(
      (await t.server.queryUsers({ email: 'Q3@example.com' })).users.map((u) => u.userId),
      ['q-3'],
    );
    const byPhone = await t.server.queryUsers({ phoneNumber: '+64275550123' });
    assert.deepEqual(
      byPhone.users.map((u) => [u.userId, u.phoneNumberVerified]),
      [['q-2', true]],
    );
    const first = await t.server.queryUsers({ limit: 2 });
    assert.equal(first.users.length, 2);
    assert.ok(first.lastEvaluatedUserId);
    const seen = [...first.users];
    let next: string | undefined = first.lastEvaluatedUserId;
    while (next) {
      const page = await t.server.queryUsers({ limit: 2, lastEvaluatedUserId: next });
      seen.push(...page.users);
      next = page.lastEvaluatedUserId;
    }
    const ids = seen.map((u) => u.userId);
    assert.deepEqual(ids, [...ids].sort(), 'in user id order');
    assert.equal(new Set(ids).size, ids.length, 'no user twice');
    assert.ok(['q-1', 'q-2', 'q-3'].every((id) => ids.includes(id)));
    const track = await t.server.track({ userId: 'q-3', action: 'look-up' });
    const byToken = await t.server.queryUsers({ token: track.token });
    assert.deepEqual(
      byToken.users.map((u) => u.userId),
      ['q-3'],
    );
    assert.equal(byToken.tokenPayload.sub, 'q-3');
    await assert.rejects(() => t.server.queryUsers({ token: 'forged' }), { statusCode: 400 });
    await assert.rejects(() => t.server.queryUsers({ limit: 500 }), { statusCode: 400 });
  });

  it("queries a user's actions by date, codes and state, newest first", async () => {
    const authenticator = await t.enrolledUser('u-actions');
    void authenticator;
    await t.server.track({ userId: 'u-actions', action: 'high-value-transfer', attributes: { idempotencyKey: 'a1' } });
    t.advance(60);
    await t.server.track({ userId: 'u-actions', action: 'delete-account', attributes: { idempotencyKey: 'a2' } });
    const all = await t.server.queryUserActions({ userId: 'u-actions' });
    assert.deepEqual(
      all.map((a) => [a.actionCode, a.state]),
      [
        ['delete-account', 'BLOCK'],
        ['high-value-transfer', 'CHALLENGE_REQUIRED'],
        ['enroll-passkey', 'CHALLENGE_SUCCEEDED'],
      ],
    );
    assert.equal(all[2]!.verificationMethod, 'PASSKEY');
    assert.ok(all[2]!.verifiedByAuthenticatorId);
    const codes = await t.server.queryUserActions({
      userId: 'u-actions',
      actionCodes: ['high-value-transfer', 'delete-account'],
    });
    assert.equal(codes.length, 2);
    const blocked = await t.server.queryUserActions({ userId: 'u-actions', state: 'BLOCK' as never });
    assert.deepEqual(
      blocked.map((a) => a.idempotencyKey),
      ['a2'],
    );
    const recent = await t.server.queryUserActions({
      userId: 'u-actions',
      fromDate: new Date(Date.now() + t.clockOffsetMs - 30_000).toISOString(),
    });
    assert.deepEqual(
      recent.map((a) => a.idempotencyKey),
      ['a2'],
    );
    await assert.rejects(() => t.server.queryUserActions({ userId: 'u-actions', fromDate: 'yesterday' }), {
      statusCode: 400,
    });
    assert.deepEqual(await t.server.queryUserActions({ userId: 'nobody' }), []);
  });
});
