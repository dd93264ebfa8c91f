import { expect } from '@open-wc/testing';
import { Authsignal, WebAuthnError } from '@authsignal/browser';
import { backend, uniqueUser } from './support/backend.js';
import { useCeremonyRig } from './support/ceremony-rig.js';
import { virtualAuthenticator } from './support/virtual-authenticator.js';

// The published SDK, unwrapped, against the emulator and Chromium's virtual authenticator.
describe('@authsignal/browser passkey ceremonies against the emulator', () => {
  const rig = useCeremonyRig();
  const sdk = () => new Authsignal({ tenantId: rig.info.tenantId, baseUrl: rig.info.url });

  async function enroll(userId: string) {
    const track = await backend.track(userId, 'enroll-passkey', {
      scope: 'add:authenticators',
      username: `${userId}@example.com`,
    });
    const result = await sdk().passkey.signUp({ token: track.token, username: `${userId}@example.com` });
    return { track, result };
  }

  it('enrolls a passkey with a track token and the enrollment validates on the server', async () => {
    const userId = uniqueUser();
    const { track, result } = await enroll(userId);
    expect(result.errorCode).to.equal(undefined);
    expect(result.data?.token).to.be.a('string');
    expect(result.data!.token).not.to.equal(track.token);

    const credentials = await virtualAuthenticator.credentials(rig.authenticatorId);
    expect(credentials).to.have.length(1);
    expect(credentials[0]!.rpId).to.equal('localhost');
    expect(credentials[0]!.isResidentCredential).to.equal(true);
    expect(await backend.getAuthenticators(userId)).to.have.length(1);

    const validation = await backend.validate({ token: result.data!.token!, userId, action: 'enroll-passkey' });
    expect(validation).to.include({ isValid: true, state: 'CHALLENGE_SUCCEEDED', userId, action: 'enroll-passkey' });
    expect(validation.idempotencyKey).to.equal(track.idempotencyKey);
  });

  it('steps up with signIn({ token }) and validateChallenge names user, action and idempotency key', async () => {
    const userId = uniqueUser();
    await enroll(userId);
    const track = await backend.track(userId, 'high-value-transfer', {
      idempotencyKey: `transfer-${userId}`,
      custom: { amount: 7500 },
    });
    expect(track).to.include({ state: 'CHALLENGE_REQUIRED', isEnrolled: true });
    const before = await backend.validate({ token: track.token, userId, action: 'high-value-transfer' });
    expect(before).to.include({ isValid: false, state: 'CHALLENGE_REQUIRED' });

    const result = await sdk().passkey.signIn({ token: track.token });
    expect(result.errorCode).to.equal(undefined);
    expect(result.data).to.include({ isVerified: true, userId });
    const validation = await backend.validate({ token: result.data!.token!, userId, action: 'high-value-transfer' });
    expect(validation).to.include({
      isValid: true,
      state: 'CHALLENGE_SUCCEEDED',
      userId,
      action: 'high-value-transfer',
      idempotencyKey: `transfer-${userId}`,
      verificationMethod: 'PASSKEY',
    });
    // The token from track now reports the same action as succeeded.
    expect(await backend.validate({ token: track.token, userId })).to.include({ isValid: true });
  });

  it('signs in with signIn({ action }) and a discoverable credential, no token', async () => {
    const userId = uniqueUser();
    await enroll(userId);
    const result = await sdk().passkey.signIn({ action: 'signIn' });
    expect(result.errorCode).to.equal(undefined);
    expect(result.data).to.include({ isVerified: true, userId });
    const validation = await backend.validate({ token: result.data!.token!, action: 'signIn' });
    expect(validation).to.include({ isValid: true, state: 'CHALLENGE_SUCCEEDED', userId, action: 'signIn' });
    expect(validation.idempotencyKey).to.be.a('string');
  });

  it('refuses to register the same authenticator twice: InvalidStateError reaches the caller', async () => {
    const userId = uniqueUser();
    await enroll(userId);
    const second = await backend.track(userId, 'enroll-passkey', { scope: 'add:authenticators' });
    let thrown: unknown;
    try {
      await sdk().passkey.signUp({ token: second.token, username: `${userId}@example.com` });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).to.be.instanceOf(WebAuthnError);
    expect((thrown as WebAuthnError).name).to.equal('InvalidStateError');
    expect((thrown as WebAuthnError).code).to.equal('ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED');
    expect(await backend.getAuthenticators(userId)).to.have.length(1);
    expect((await backend.validate({ token: second.token })).isValid).to.equal(false);
  });

  it('refuses to add a passkey without add:authenticators when the user has one', async () => {
    const userId = uniqueUser();
    await enroll(userId);
    const track = await backend.track(userId, 'enroll-passkey'); // default scope only
    const result = await sdk().passkey.signUp({ token: track.token, username: `${userId}@example.com` });
    expect(result.errorCode).to.equal('insufficient_scope');
    expect(result.data).to.equal(undefined);
    expect(await virtualAuthenticator.credentials(rig.authenticatorId)).to.have.length(1);
    expect(await backend.getAuthenticators(userId)).to.have.length(1);
  });

  it('refuses a replayed assertion and changes nothing', async () => {
    const userId = uniqueUser();
    await enroll(userId);
    const track = await backend.track(userId, 'high-value-transfer');
    const result = await sdk().passkey.signIn({ token: track.token });
    expect(result.data?.isVerified).to.equal(true);
    const before = await backend.getAuthenticators(userId);

    const replay = await rig.recorder.replay(rig.recorder.last('/client/verify/passkey'));
    expect(replay.status).to.equal(400);
    expect(replay.json).to.include({ error: 'invalid_challenge', errorCode: 'invalid_challenge' });
    expect(replay.json).not.to.have.property('accessToken');
    expect(await backend.getAuthenticators(userId)).to.deep.equal(before);
  });

  it('refuses an assertion made for another challenge', async () => {
    const userId = uniqueUser();
    await enroll(userId);
    const first = await backend.track(userId, 'high-value-transfer');
    expect((await sdk().passkey.signIn({ token: first.token })).data?.isVerified).to.equal(true);
    const captured = rig.recorder.last('/client/verify/passkey');

    const second = await backend.track(userId, 'high-value-transfer');
    const options = await fetch(`${rig.info.url}/client/user-authenticators/passkey/authentication-options`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${second.token}` },
      body: '{}',
    }).then((r) => r.json() as Promise<{ challengeId: string }>);
    const body = { ...JSON.parse(captured.body!), challengeId: options.challengeId };
    const attempt = await rig.recorder.replay(
      { ...captured, headers: { ...captured.headers, authorization: `Bearer ${second.token}` } },
      JSON.stringify(body),
    );
    expect(attempt.status).to.equal(400);
    expect(attempt.json.errorCode).to.equal('invalid_credential');
    expect(String(attempt.json.errorDescription)).to.match(/challenge/i);
    expect(await backend.validate({ token: second.token })).to.include({ isValid: false, state: 'CHALLENGE_REQUIRED' });
  });

  it("never lets user A's token complete user B's action", async () => {
    const alice = uniqueUser('alice');
    const bob = uniqueUser('bob');
    const { result: aliceEnrolled } = await enroll(alice);
    await enroll(bob);
    const bobAction = await backend.track(bob, 'high-value-transfer');

    // Bob's challenge, Alice's token: refused before any signature is looked at.
    const options = await fetch(`${rig.info.url}/client/user-authenticators/passkey/authentication-options`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bobAction.token}` },
      body: '{}',
    }).then((r) => r.json() as Promise<{ challengeId: string }>);
    const aliceAction = await backend.track(alice, 'high-value-transfer');
    expect((await sdk().passkey.signIn({ token: aliceAction.token })).data?.isVerified).to.equal(true);
    const aliceAssertion = rig.recorder.last('/client/verify/passkey');
    const attempt = await rig.recorder.replay(
      { ...aliceAssertion, headers: { ...aliceAssertion.headers, authorization: `Bearer ${aliceAction.token}` } },
      JSON.stringify({ ...JSON.parse(aliceAssertion.body!), challengeId: options.challengeId }),
    );
    expect(attempt.json.errorCode).to.equal('invalid_challenge');
    expect(await backend.validate({ token: bobAction.token })).to.include({
      isValid: false,
      state: 'CHALLENGE_REQUIRED',
    });

    // Alice's successful token never validates as Bob's.
    const asBob = await backend.validate({ token: aliceEnrolled.data!.token!, userId: bob });
    expect(asBob.isValid).to.equal(false);
    expect(asBob.error).to.equal('user_mismatch');
  });

  it('refuses an assertion whose signature was tampered with', async () => {
    const userId = uniqueUser();
    await enroll(userId);
    const track = await backend.track(userId, 'high-value-transfer');
    rig.recorder.rewrite = (url, body) => {
      if (!url.endsWith('/client/verify/passkey')) return body;
      const parsed = JSON.parse(body);
      const signature: string = parsed.authenticationCredential.response.signature;
      const i = Math.floor(signature.length / 2);
      parsed.authenticationCredential.response.signature =
        signature.slice(0, i) + (signature[i] === 'A' ? 'B' : 'A') + signature.slice(i + 1);
      return JSON.stringify(parsed);
    };
    const result = await sdk().passkey.signIn({ token: track.token });
    expect(result.errorCode).to.equal('invalid_credential');
    expect(result.data).to.equal(undefined);
    expect(await backend.validate({ token: track.token })).to.include({ isValid: false, state: 'CHALLENGE_REQUIRED' });
  });

  it('reports a failed user verification as NotAllowedError and leaves the action pending', async () => {
    const userId = uniqueUser();
    await enroll(userId);
    const track = await backend.track(userId, 'high-value-transfer');
    await virtualAuthenticator.setUserVerified(rig.authenticatorId, false);
    let thrown: unknown;
    try {
      await sdk().passkey.signIn({ token: track.token });
    } catch (error) {
      thrown = error;
    }
    expect((thrown as Error).name).to.equal('NotAllowedError');
    expect(await backend.validate({ token: track.token })).to.include({ isValid: false, state: 'CHALLENGE_REQUIRED' });
  });
});
