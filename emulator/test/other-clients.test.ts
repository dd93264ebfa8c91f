import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { SignJWT } from 'jose';
import { SECRET, TENANT, TestEmulator } from './support/test-emulator.js';

/**
 * Clients nobody here wrote: an older `@authsignal/node` (0.0.x, Authsignal's own Next.js
 * example and tutorials), which checks the token itself with the API secret as the HS256 key
 * before asking the API; and `@authsignal/react` 0.2.2's first request, `POST /client/init`.
 */
interface LegacyAuthsignal {
  track(r: { userId: string; action: string; idempotencyKey?: string }): Promise<{ token: string; state: string }>;
  validateChallenge(r: {
    token: string;
    userId?: string;
  }): Promise<{ success: boolean; state?: string; userId: string }>;
}
const { Authsignal: Legacy } = createRequire(import.meta.url)('authsignal-node-legacy') as {
  Authsignal: new (o: { secret: string; apiBaseUrl: string }) => LegacyAuthsignal;
};

describe('emulator: clients nobody here wrote', () => {
  let t: TestEmulator;
  let legacy: LegacyAuthsignal;
  before(async () => {
    t = await TestEmulator.start();
    legacy = new Legacy({ secret: SECRET, apiBaseUrl: t.emulator.url });
  });
  after(() => t.close());

  /** A passkey step-up of `token`'s action with the user's software authenticator; answers the new token. */
  const stepUp = async (token: string, authenticator: Awaited<ReturnType<TestEmulator['enrolledUser']>>) => {
    const { challengeId, options } = await t.authenticationOptions({ token });
    const verified = await t.client(
      '/client/verify/passkey',
      { authenticationCredential: authenticator.authenticate(options), challengeId },
      { token },
    );
    assert.equal(verified.json.isVerified, true);
    return verified.json.accessToken as string;
  };

  it('@authsignal/node 0.0.48 verifies our tokens with the secret and validates a step-up', async () => {
    const authenticator = await t.enrolledUser('legacy-user');
    const tracked = await legacy.track({ userId: 'legacy-user', action: 'high-value-transfer' });
    assert.equal(tracked.state, 'CHALLENGE_REQUIRED');
    const before = await legacy.validateChallenge({ token: tracked.token });
    assert.deepEqual([before.success, before.state], [false, 'CHALLENGE_REQUIRED']);
    const token = await stepUp(tracked.token, authenticator);
    const after = await legacy.validateChallenge({ token, userId: 'legacy-user' });
    assert.deepEqual([after.success, after.state, after.userId], [true, 'CHALLENGE_SUCCEEDED', 'legacy-user']);
    assert.equal((await legacy.validateChallenge({ token, userId: 'someone-else' })).success, false);
  });

  it('a token signed with another secret fails the old SDK’s own check and the emulator’s', async () => {
    const other = new TextEncoder().encode('not-the-secret');
    const forged = await new SignJWT({
      scope: 'read:authenticators',
      other: { tenantId: TENANT, userId: 'legacy-user', actionCode: 'high-value-transfer', idempotencyKey: 'k' },
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject('legacy-user')
      .setIssuer('authsignal-emulator')
      .setAudience(TENANT)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(other);
    await assert.rejects(() => legacy.validateChallenge({ token: forged }), /invalid signature/);
    const current = await t.server.validateChallenge({ token: forged });
    assert.deepEqual([current.isValid, current.error], [false, 'invalid_token']);
  });

  it('answers POST /client/init as @authsignal/react reads it, and refuses what it treats as expired', async () => {
    await t.enrolledUser('react-user');
    await t.server.enrollVerifiedAuthenticator({
      userId: 'react-user',
      attributes: { verificationMethod: 'EMAIL_OTP' as never, email: 'react@example.com' },
    });
    await t.server.enrollVerifiedAuthenticator({
      userId: 'react-user',
      attributes: { verificationMethod: 'SMS' as never, phoneNumber: '+64275550123' },
    });
    const { token } = await t.server.track({ userId: 'react-user', action: 'high-value-transfer' });
    // Exactly the request @authsignal/react 0.2.2 sends (use-authsignal.tsx).
    const init = (bearer: string) =>
      fetch(`${t.emulator.url}/client/init`, {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: `Bearer ${bearer}` },
        body: JSON.stringify({}),
      });
    const ok = await init(token);
    assert.equal(ok.status, 200);
    assert.deepEqual(await ok.json(), {
      challengeOptions: {
        token,
        verificationMethods: ['PASSKEY', 'EMAIL_OTP', 'SMS'],
        defaultVerificationMethod: 'PASSKEY',
        // Masked: whoever holds a track token (a stolen password's) learns no address from it.
        user: { email: 'r•••@example.com', phoneNumber: '+64•••••••23' },
      },
    });
    assert.equal((await init('not-a-token')).ok, false);
    t.advance(601);
    try {
      const expired = await init(token);
      assert.equal(expired.ok, false);
      assert.equal(((await expired.json()) as { errorCode: string }).errorCode, 'expired_token');
    } finally {
      t.advance(-601);
    }
  });

  it('answers a path a parameter would swallow with 404, a known path with another method with 405', async () => {
    const post = await fetch(`${t.emulator.url}/users/authenticators`, {
      method: 'POST',
      headers: { authorization: `Basic ${btoa(`${SECRET}:`)}`, 'content-type': 'application/json' },
      body: '{}',
    });
    assert.equal(post.status, 404);
    assert.equal(((await post.json()) as { error: string }).error, 'not_found');
    const get = await fetch(`${t.emulator.url}/client/verify/passkey`);
    assert.equal(get.status, 405);
  });
});
