import { expect } from '@open-wc/testing';
import { Authsignal } from '@authsignal/browser';
import { backend, uniqueUser, type EmulatorInfo } from './support/backend.js';

// Failures that stop before any WebAuthn ceremony: these run in Chromium and Firefox.
describe('@authsignal/browser error paths against the emulator', () => {
  let info: EmulatorInfo;
  const sdk = (options: { baseUrl?: string; onTokenExpired?: () => void } = {}) =>
    new Authsignal({
      tenantId: info.tenantId,
      baseUrl: options.baseUrl ?? info.url,
      onTokenExpired: options.onTokenExpired,
    });

  before(async () => {
    info = await backend.info();
  });
  afterEach(() => backend.resetClock());

  it('answers an expired token with expired_token and leaves the action as it was', async () => {
    const userId = uniqueUser();
    const track = await backend.track(userId, 'enroll-passkey');
    await backend.advanceClock(601);
    let expiredCalls = 0;
    const client = sdk({ onTokenExpired: () => expiredCalls++ });

    const signUp = await client.passkey.signUp({ token: track.token, username: 'x@example.com' });
    expect(signUp.errorCode).to.equal('expired_token');
    const signIn = await client.passkey.signIn({ token: track.token });
    expect(signIn.errorCode).to.equal('expired_token');
    expect(expiredCalls).to.equal(2);

    const validation = await backend.validate({ token: track.token });
    expect(validation).to.include({ isValid: false, error: 'expired_token' });
    await backend.resetClock();
    expect(await backend.getAuthenticators(userId)).to.have.length(0);
    expect((await backend.getAction(userId, 'enroll-passkey', track.idempotencyKey)).state).to.equal('ALLOW');
  });

  it('keeps a token usable until just before ten minutes have passed', async () => {
    const track = await backend.track(uniqueUser(), 'high-value-transfer');
    await backend.advanceClock(590);
    expect(await backend.validate({ token: track.token })).to.include({ isValid: false, state: 'ALLOW' });
  });

  it('refuses a page whose origin the tenant does not allow: the SDK throws a network TypeError', async () => {
    const track = await backend.track(uniqueUser(), 'enroll-passkey');
    let thrown: unknown;
    try {
      await sdk({ baseUrl: info.foreignUrl }).passkey.signUp({ token: track.token, username: 'x@example.com' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).to.be.instanceOf(TypeError);
  });

  it('throws a network TypeError when the API cannot be reached', async () => {
    let thrown: unknown;
    try {
      await sdk({ baseUrl: 'http://localhost:9/v1' }).passkey.signIn({ action: 'signIn' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).to.be.instanceOf(TypeError);
  });

  it('answers malformed JSON with a readable 400 JSON error', async () => {
    const response = await fetch(`${info.url}/client/challenge`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${btoa(info.tenantId)}` },
      body: '{"action":',
    });
    expect(response.status).to.equal(400);
    expect(await response.json()).to.deep.equal({
      error: 'invalid_request',
      errorCode: 'invalid_request',
      errorDescription: 'The request body is not valid JSON.',
    });
  });

  it('refuses a wrong tenant id', async () => {
    const result = await new Authsignal({ tenantId: 'not-the-tenant', baseUrl: info.url }).passkey.signIn({
      action: 'signIn',
    });
    expect(result.errorCode).to.equal('unauthorized');
  });

  it('says credential_not_found when the token user has no passkey', async () => {
    const track = await backend.track(uniqueUser(), 'high-value-transfer');
    const result = await sdk().passkey.signIn({ token: track.token });
    expect(result.errorCode).to.equal('credential_not_found');
  });

  it('refuses to run a ceremony for a blocked action', async () => {
    const track = await backend.track(uniqueUser(), 'delete-account');
    expect(track.state).to.equal('BLOCK');
    const result = await sdk().passkey.signUp({ token: track.token, username: 'x@example.com' });
    expect(result.errorCode).to.equal('action_blocked');
  });

  it('returns token_not_set without a request when no token is given', async () => {
    const result = await sdk().passkey.signUp({ username: 'x@example.com' });
    expect(result.errorCode).to.equal('token_not_set');
  });
});
