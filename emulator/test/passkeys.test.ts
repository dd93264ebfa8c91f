import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SoftAuthenticator } from './support/soft-authenticator.js';
import { TENANT, TestEmulator } from './support/test-emulator.js';

describe('emulator: passkey registration', () => {
  let t: TestEmulator;
  before(async () => (t = await TestEmulator.start()));
  after(() => t.close());

  it('registers a passkey and marks the enrollment action as succeeded', async () => {
    const track = await t.server.track({ userId: 'reg-ok', action: 'enroll-passkey' });
    assert.equal(track.state, 'ALLOW');
    assert.equal(track.isEnrolled, false);
    const { response } = await t.enroll(track.token);
    assert.equal(response.status, 200);
    assert.equal(response.json.isVerified, true);
    assert.equal(response.json.userId, 'reg-ok');
    const validation = await t.server.validateChallenge({
      token: response.json.accessToken as string,
      userId: 'reg-ok',
      action: 'enroll-passkey',
    });
    assert.equal(validation.isValid, true);
    assert.equal(validation.idempotencyKey, track.idempotencyKey);
    const authenticators = await t.server.getAuthenticators({ userId: 'reg-ok' });
    assert.equal(authenticators.length, 1);
    assert.equal(authenticators[0]!.verificationMethod, 'PASSKEY');
    assert.ok(!('publicKey' in (authenticators[0]!.webauthnCredential ?? {})), 'no key material leaves the emulator');
    assert.equal((await t.server.getUser({ userId: 'reg-ok' })).isEnrolled, true);
  });

  it("lists the token user's authenticators for the browser (GET /client/user-authenticators), named by AAGUID", async () => {
    const userId = 'list-own';
    const google = new SoftAuthenticator();
    google.aaguid = 'ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4';
    const first = await t.server.track({
      userId,
      action: 'enroll-passkey',
      attributes: { scope: 'add:authenticators' },
    });
    assert.equal((await t.enroll(first.token, google)).response.status, 200);
    const second = await t.server.track({
      userId,
      action: 'enroll-passkey',
      attributes: { scope: 'add:authenticators' },
    });
    assert.equal((await t.enroll(second.token, new SoftAuthenticator())).response.status, 200);
    await t.enrolledUser('list-someone-else');
    // Any token of the user's reads (a step-up's, with the default scope): the user's own, no one else's.
    const track = await t.server.track({ userId, action: 'view-security' });
    const listed = await t.client('/client/user-authenticators', undefined, { token: track.token }, { method: 'GET' });
    assert.equal(listed.status, 200);
    const list = listed.json as unknown as Record<string, any>[];
    assert.equal(list.length, 2);
    for (const a of list) {
      assert.equal(a.verificationMethod, 'PASSKEY');
      assert.equal(Object.hasOwn(a, 'userId'), false);
      assert.equal(typeof a.userAuthenticatorId, 'string');
      assert.equal(typeof a.webauthnCredential.credentialId, 'string');
      assert.equal(Object.hasOwn(a.webauthnCredential, 'publicKey'), false);
    }
    assert.deepEqual(list[0]!.webauthnCredential.aaguidMapping, { name: 'Google Password Manager' });
    assert.equal(list[1]!.webauthnCredential.aaguidMapping, undefined, 'the zero AAGUID names no maker');
    // The server SDK answers the same mapping.
    const server = await t.server.getAuthenticators({ userId });
    assert.deepEqual(server[0]!.webauthnCredential?.aaguidMapping, { name: 'Google Password Manager' });
    // The bare tenant id names nobody: refused.
    const tenant = await t.client('/client/user-authenticators', undefined, { tenant: TENANT }, { method: 'GET' });
    assert.equal(tenant.status, 401);
    const forged = await t.client('/client/user-authenticators', undefined, { token: 'x.y.z' }, { method: 'GET' });
    assert.equal(forged.json.errorCode, 'invalid_token');
  });

  it('offers the options Authsignal does: required resident key and user verification, exclusions', async () => {
    await t.enrolledUser('reg-options');
    const track = await t.server.track({
      userId: 'reg-options',
      action: 'enroll-passkey',
      attributes: { scope: 'add:authenticators' },
    });
    const r = await t.client(
      '/client/user-authenticators/passkey/registration-options',
      { username: 'ada@example.com', authenticatorAttachment: 'platform' },
      { token: track.token },
    );
    const options = r.json.options as Record<string, any>;
    assert.equal(typeof r.json.challengeId, 'string');
    assert.equal(options.rp.id, 'localhost');
    assert.equal(Buffer.from(options.user.id, 'base64url').toString(), 'reg-options');
    assert.equal(options.user.name, 'ada@example.com');
    assert.deepEqual(options.authenticatorSelection, {
      residentKey: 'required',
      userVerification: 'required',
      requireResidentKey: true,
      authenticatorAttachment: 'platform',
    });
    assert.equal(options.excludeCredentials.length, 1);
  });

  const refusals: [string, Parameters<SoftAuthenticator['register']>[1], RegExp][] = [
    ['another origin', { origin: 'http://evil.localhost:5173' }, /origin/i],
    ['another rp id', { rpId: 'evil.example' }, /rp ?id/i],
    ['another challenge', { challenge: 'c29tZXRoaW5nLWVsc2U' }, /challenge/i],
    ['no user verification', { userVerified: false }, /user.*verif/i],
    ['an assertion type', { type: 'webauthn.get' }, /type/i],
  ];
  for (const [what, overrides, message] of refusals) {
    it(`refuses an attestation with ${what} and stores nothing`, async () => {
      const userId = `reg-bad-${what.replace(/\W/g, '-')}`;
      const track = await t.server.track({ userId, action: 'enroll-passkey' });
      const { response } = await t.enroll(track.token, new SoftAuthenticator(), overrides);
      assert.equal(response.status, 400);
      assert.equal(response.json.errorCode, 'invalid_credential');
      assert.match(String(response.json.errorDescription), message);
      assert.equal((await t.server.getAuthenticators({ userId })).length, 0);
      assert.equal((await t.server.validateChallenge({ token: track.token })).state, 'ALLOW');
    });
  }

  it('uses each registration challenge once', async () => {
    const track = await t.server.track({ userId: 'reg-replay', action: 'enroll-passkey' });
    const options = await t.client(
      '/client/user-authenticators/passkey/registration-options',
      {},
      { token: track.token },
    );
    const { challengeId, options: creation } = options.json as any;
    const credential = new SoftAuthenticator().register(creation);
    const first = await t.client(
      '/client/user-authenticators/passkey',
      { registrationCredential: credential, challengeId },
      { token: track.token },
    );
    assert.equal(first.status, 200);
    const again = await t.client(
      '/client/user-authenticators/passkey',
      { registrationCredential: credential, challengeId },
      { token: track.token },
    );
    assert.equal(again.json.errorCode, 'invalid_challenge');
    assert.equal((await t.server.getAuthenticators({ userId: 'reg-replay' })).length, 1);
  });

  it('refuses a second passkey without add:authenticators, accepts it with the scope', async () => {
    await t.enrolledUser('reg-scope');
    const plain = await t.server.track({ userId: 'reg-scope', action: 'enroll-passkey' });
    const refused = await t.enroll(plain.token);
    assert.equal(refused.response.status, 403);
    assert.equal(refused.response.json.errorCode, 'insufficient_scope');
    const scoped = await t.server.track({
      userId: 'reg-scope',
      action: 'enroll-passkey',
      attributes: { scope: 'add:authenticators' },
    });
    assert.equal((await t.enroll(scoped.token)).response.status, 200);
    assert.equal((await t.server.getAuthenticators({ userId: 'reg-scope' })).length, 2);
  });

  it("refuses a registration challenge issued to another user's token", async () => {
    const a = await t.server.track({ userId: 'reg-a', action: 'enroll-passkey' });
    const b = await t.server.track({ userId: 'reg-b', action: 'enroll-passkey' });
    const options = await t.client('/client/user-authenticators/passkey/registration-options', {}, { token: a.token });
    const { challengeId, options: creation } = options.json as any;
    const credential = new SoftAuthenticator().register(creation);
    const r = await t.client(
      '/client/user-authenticators/passkey',
      { registrationCredential: credential, challengeId },
      { token: b.token },
    );
    assert.equal(r.json.errorCode, 'invalid_challenge');
    assert.equal((await t.server.getAuthenticators({ userId: 'reg-a' })).length, 0);
    assert.equal((await t.server.getAuthenticators({ userId: 'reg-b' })).length, 0);
  });

  it('refuses the same credential registered twice, even across users', async () => {
    const authenticator = await t.enrolledUser('reg-dup-1');
    const other = await t.server.track({ userId: 'reg-dup-2', action: 'enroll-passkey' });
    const { response } = await t.enroll(other.token, authenticator);
    assert.equal(response.json.errorCode, 'already_registered');
    assert.equal((await t.server.getAuthenticators({ userId: 'reg-dup-2' })).length, 0);
  });

  it('needs a token: the tenant id alone cannot register passkeys', async () => {
    const r = await t.client('/client/user-authenticators/passkey/registration-options', {}, { tenant: TENANT });
    assert.equal(r.status, 401);
    assert.equal(r.json.errorCode, 'unauthorized');
  });
});

describe('emulator: passkey authentication', () => {
  let t: TestEmulator;
  before(async () => (t = await TestEmulator.start()));
  after(() => t.close());

  async function stepUp(userId: string, authenticator: SoftAuthenticator, overrides = {}) {
    const track = await t.server.track({
      userId,
      action: 'high-value-transfer',
      attributes: { idempotencyKey: `k-${userId}-${Math.random()}` },
    });
    const { challengeId, options } = await t.authenticationOptions({ token: track.token });
    const assertion = authenticator.authenticate(options, overrides);
    const response = await t.client(
      '/client/verify/passkey',
      { authenticationCredential: assertion, challengeId, deviceId: 'dev-1' },
      { token: track.token },
    );
    return { track, challengeId, assertion, response };
  }

  it('verifies a step-up and binds the new token to the tracked action', async () => {
    const authenticator = await t.enrolledUser('auth-ok');
    const { track, response } = await stepUp('auth-ok', authenticator);
    assert.equal(track.state, 'CHALLENGE_REQUIRED');
    assert.equal(response.status, 200);
    assert.equal(response.json.isVerified, true);
    const v = await t.server.validateChallenge({
      token: response.json.accessToken as string,
      userId: 'auth-ok',
      action: 'high-value-transfer',
    });
    assert.deepEqual(
      {
        isValid: v.isValid,
        state: v.state,
        userId: v.userId,
        action: v.action,
        key: v.idempotencyKey,
        method: v.verificationMethod,
      },
      {
        isValid: true,
        state: 'CHALLENGE_SUCCEEDED',
        userId: 'auth-ok',
        action: 'high-value-transfer',
        key: track.idempotencyKey,
        method: 'PASSKEY',
      },
    );
    const action = await t.server.getAction({
      userId: 'auth-ok',
      action: 'high-value-transfer',
      idempotencyKey: track.idempotencyKey,
    });
    assert.equal(action?.state, 'CHALLENGE_SUCCEEDED');
  });

  it('lists only the token user’s passkeys in allowCredentials', async () => {
    const authenticator = await t.enrolledUser('auth-allow');
    await t.enrolledUser('auth-allow-other');
    const track = await t.server.track({ userId: 'auth-allow', action: 'high-value-transfer' });
    const { options } = await t.authenticationOptions({ token: track.token });
    assert.deepEqual(
      options.allowCredentials?.map((c) => c.id),
      [authenticator.credentialId],
    );
  });

  const refusals: [string, object, RegExp][] = [
    ['another origin', { origin: 'https://phish.example' }, /origin/i],
    ['another rp id', { rpId: 'phish.example' }, /rp ?id/i],
    ['another challenge', { challenge: 'b3RoZXItY2hhbGxlbmdl' }, /challenge/i],
    ['no user verification', { userVerified: false }, /user.*verif/i],
    ['a sign counter that went backwards', { counter: 0 }, /counter/i],
  ];
  for (const [what, overrides, message] of refusals) {
    it(`refuses an assertion with ${what}, leaving the action pending`, async () => {
      const userId = `auth-bad-${what.replace(/\W/g, '-')}`;
      const authenticator = await t.enrolledUser(userId);
      // One good ceremony first, so that the counter check has something to compare.
      await stepUp(userId, authenticator);
      const { track, response } = await stepUp(userId, authenticator, overrides);
      assert.equal(response.status, 400);
      assert.equal(response.json.errorCode, 'invalid_credential');
      assert.match(String(response.json.errorDescription), message);
      const v = await t.server.validateChallenge({ token: track.token });
      assert.equal(v.isValid, false);
      assert.equal(v.state, 'CHALLENGE_REQUIRED');
    });
  }

  it('refuses a tampered signature', async () => {
    const authenticator = await t.enrolledUser('auth-tamper');
    const track = await t.server.track({ userId: 'auth-tamper', action: 'high-value-transfer' });
    const { challengeId, options } = await t.authenticationOptions({ token: track.token });
    const assertion = authenticator.authenticate(options);
    const signature = Buffer.from(assertion.response.signature, 'base64url');
    signature[signature.length - 1]! ^= 0x01;
    assertion.response.signature = signature.toString('base64url');
    const r = await t.client(
      '/client/verify/passkey',
      { authenticationCredential: assertion, challengeId },
      { token: track.token },
    );
    assert.equal(r.json.errorCode, 'invalid_credential');
    assert.equal((await t.server.validateChallenge({ token: track.token })).state, 'CHALLENGE_REQUIRED');
  });

  it('refuses a replayed assertion', async () => {
    const authenticator = await t.enrolledUser('auth-replay');
    const { track, challengeId, assertion, response } = await stepUp('auth-replay', authenticator);
    assert.equal(response.status, 200);
    const replay = await t.client(
      '/client/verify/passkey',
      { authenticationCredential: assertion, challengeId },
      { token: track.token },
    );
    assert.equal(replay.status, 400);
    assert.equal(replay.json.errorCode, 'invalid_challenge');
  });

  it('burns a challenge on a failed attempt too', async () => {
    const authenticator = await t.enrolledUser('auth-burn');
    const track = await t.server.track({ userId: 'auth-burn', action: 'high-value-transfer' });
    const { challengeId, options } = await t.authenticationOptions({ token: track.token });
    const bad = authenticator.authenticate(options, { userVerified: false });
    await t.client('/client/verify/passkey', { authenticationCredential: bad, challengeId }, { token: track.token });
    const good = authenticator.authenticate(options);
    const r = await t.client(
      '/client/verify/passkey',
      { authenticationCredential: good, challengeId },
      { token: track.token },
    );
    assert.equal(r.json.errorCode, 'invalid_challenge');
  });

  it("refuses user B's passkey on user A's token", async () => {
    await t.enrolledUser('auth-a');
    const bob = await t.enrolledUser('auth-b');
    const track = await t.server.track({ userId: 'auth-a', action: 'high-value-transfer' });
    const { challengeId, options } = await t.authenticationOptions({ token: track.token });
    const r = await t.client(
      '/client/verify/passkey',
      { authenticationCredential: bob.authenticate(options), challengeId },
      { token: track.token },
    );
    assert.equal(r.json.errorCode, 'invalid_credential');
    assert.match(String(r.json.errorDescription), /another user/);
    assert.equal((await t.server.validateChallenge({ token: track.token })).state, 'CHALLENGE_REQUIRED');
  });

  it('refuses an unknown credential', async () => {
    await t.enrolledUser('auth-unknown');
    const track = await t.server.track({ userId: 'auth-unknown', action: 'high-value-transfer' });
    const { challengeId, options } = await t.authenticationOptions({ token: track.token });
    const stranger = new SoftAuthenticator();
    const r = await t.client(
      '/client/verify/passkey',
      { authenticationCredential: stranger.authenticate(options), challengeId },
      { token: track.token },
    );
    assert.equal(r.json.errorCode, 'invalid_credential');
  });

  it('expires challenges after five minutes', async () => {
    const authenticator = await t.enrolledUser('auth-slow');
    const track = await t.server.track({ userId: 'auth-slow', action: 'high-value-transfer' });
    const { challengeId, options } = await t.authenticationOptions({ token: track.token });
    t.advance(301);
    try {
      const r = await t.client(
        '/client/verify/passkey',
        { authenticationCredential: authenticator.authenticate(options), challengeId },
        { token: track.token },
      );
      assert.equal(r.json.errorCode, 'invalid_challenge');
    } finally {
      t.advance(-301);
    }
  });

  it('signs in by action with a discoverable credential (Basic tenant, no token)', async () => {
    const authenticator = await t.enrolledUser('auth-discoverable');
    const { challengeId } = (await t.client('/client/challenge', { action: 'signIn' }, { tenant: TENANT })).json as {
      challengeId: string;
    };
    const { challengeId: echoed, options } = await t.authenticationOptions({ tenant: TENANT }, { challengeId });
    assert.equal(echoed, challengeId);
    assert.equal(options.allowCredentials?.length ?? 0, 0);
    const r = await t.client(
      '/client/verify/passkey',
      { authenticationCredential: authenticator.authenticate(options), challengeId },
      { tenant: TENANT },
    );
    assert.equal(r.json.userId, 'auth-discoverable');
    const v = await t.server.validateChallenge({ token: r.json.accessToken as string, action: 'signIn' });
    assert.equal(v.isValid, true);
    assert.equal(v.userId, 'auth-discoverable');
  });

  it('a sign-in token names its user and action, with a key of its own per sign-in, and validates for nothing else', async () => {
    const authenticator = await t.enrolledUser('auth-sign-in');
    const signIn = async () => {
      const { challengeId } = (await t.client('/client/challenge', { action: 'signIn' }, { tenant: TENANT })).json as {
        challengeId: string;
      };
      const { options } = await t.authenticationOptions({ tenant: TENANT }, { challengeId });
      const assertion = authenticator.authenticate(options);
      const r = await t.client(
        '/client/verify/passkey',
        { authenticationCredential: assertion, challengeId },
        { tenant: TENANT },
      );
      // The same assertion again: its challenge is gone.
      const replay = await t.client(
        '/client/verify/passkey',
        { authenticationCredential: assertion, challengeId },
        { tenant: TENANT },
      );
      assert.equal(replay.json.errorCode, 'invalid_challenge');
      return r.json.accessToken as string;
    };
    const token = await signIn();
    const v = await t.server.validateChallenge({ token, action: 'signIn' });
    assert.equal(v.isValid, true);
    assert.equal(v.state, 'CHALLENGE_SUCCEEDED');
    assert.equal(v.userId, 'auth-sign-in');
    assert.equal(v.action, 'signIn');
    assert.equal(v.verificationMethod, 'PASSKEY');
    assert.equal(typeof v.idempotencyKey, 'string');
    assert.equal((await t.server.validateChallenge({ token, userId: 'auth-sign-in', action: 'signIn' })).isValid, true);
    // Not for another action, not for another user.
    assert.equal((await t.server.validateChallenge({ token, action: 'high-value-transfer' })).isValid, false);
    assert.equal((await t.server.validateChallenge({ token, userId: 'someone-else' })).isValid, false);
    // Each sign-in is an action of its own: an app records its key to use it once.
    const next = await t.server.validateChallenge({ token: await signIn(), action: 'signIn' });
    assert.equal(next.isValid, true);
    assert.notEqual(next.idempotencyKey, v.idempotencyKey);
  });

  it('refuses a discoverable assertion whose user handle names another user', async () => {
    const authenticator = await t.enrolledUser('auth-handle');
    const { challengeId, options } = await t.authenticationOptions({ tenant: TENANT });
    const assertion = authenticator.authenticate(options);
    assertion.response.userHandle = Buffer.from('someone-else').toString('base64url');
    const r = await t.client(
      '/client/verify/passkey',
      { authenticationCredential: assertion, challengeId },
      { tenant: TENANT },
    );
    assert.equal(r.json.errorCode, 'invalid_credential');
  });

  it('refuses to complete a token-bound challenge with the tenant id alone', async () => {
    const authenticator = await t.enrolledUser('auth-basic-bound');
    const track = await t.server.track({ userId: 'auth-basic-bound', action: 'high-value-transfer' });
    const { challengeId, options } = await t.authenticationOptions({ token: track.token });
    const r = await t.client(
      '/client/verify/passkey',
      { authenticationCredential: authenticator.authenticate(options), challengeId },
      { tenant: TENANT },
    );
    assert.equal(r.json.errorCode, 'invalid_challenge');
    assert.equal((await t.server.validateChallenge({ token: track.token })).state, 'CHALLENGE_REQUIRED');
  });

  it('answers the passkey lookup by credential ids', async () => {
    const authenticator = await t.enrolledUser('auth-lookup');
    const found = await t.client(
      `/client/user-authenticators/passkey?credentialIds=nope,${authenticator.credentialId}`,
      undefined,
      { tenant: TENANT },
      { method: 'GET' },
    );
    assert.equal(found.status, 200);
    assert.equal(found.json.credentialId, authenticator.credentialId);
    const missing = await t.client(
      '/client/user-authenticators/passkey?credentialIds=nope',
      undefined,
      { tenant: TENANT },
      { method: 'GET' },
    );
    assert.equal(missing.status, 404);
    assert.equal(missing.json.error, 'not_found');
  });
});
