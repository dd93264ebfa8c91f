import { expect } from '@open-wc/testing';
import { Authsignal } from '@authsignal/browser';
import { backend, uniqueUser, type EmulatorInfo } from './support/backend.js';

// The code-based methods with the real, unwrapped @authsignal/browser against the emulator (no
// WebAuthn: Chromium and Firefox). The SDK keeps ONE token for the whole page (§1.11): every call
// here sets the token it means and calls in the same turn, as the elements must.
describe('@authsignal/browser email, SMS and authenticator-app codes against the emulator', () => {
  let info: EmulatorInfo;
  const sdk = () => new Authsignal({ tenantId: info.tenantId, baseUrl: info.url });
  const lastCode = async (to: string) => (await backend.outbox(to))[0]!.code;
  /** A user whose email the host verified (as the bank's sign-up does), and a step-up token. */
  const emailUser = async () => {
    const userId = uniqueUser('codes');
    const email = `${userId}@example.com`;
    await backend.enrollVerified(userId, { verificationMethod: 'EMAIL_OTP', email });
    const track = await backend.track(userId, 'high-value-transfer', { idempotencyKey: `tx-${userId}` });
    return { userId, email, track };
  };

  before(async () => {
    info = await backend.info();
  });
  afterEach(() => backend.resetClock());

  it('steps up by email code: one code per send, it verifies once, and the token validates with EMAIL_OTP', async () => {
    const { userId, email, track } = await emailUser();
    expect(track.state).to.equal('CHALLENGE_REQUIRED');
    const client = sdk();
    client.setToken(track.token);
    const sent = await client.email.challenge();
    expect(sent.data?.challengeId).to.be.a('string');
    const code = await lastCode(email);
    expect(code).to.match(/^\d{6}$/);
    client.setToken(track.token);
    const verified = await client.email.verify({ code });
    expect(verified.data?.isVerified).to.equal(true);
    const validation = await backend.validate({ token: verified.data!.token!, userId, action: 'high-value-transfer' });
    expect(validation).to.include({ isValid: true, verificationMethod: 'EMAIL_OTP', idempotencyKey: `tx-${userId}` });
    client.setToken(track.token);
    const again = await client.email.verify({ code });
    expect(again.data).to.deep.equal({ isVerified: false, failureReason: 'CODE_INVALID_OR_EXPIRED' });
  });

  it('refuses an expired code, and locks the action after five wrong codes, the right one included', async () => {
    const { userId, email, track } = await emailUser();
    const client = sdk();
    client.setToken(track.token);
    await client.email.challenge();
    const code = await lastCode(email);
    await backend.advanceClock(601);
    // The token expired with the code; a fresh token for the same action.
    const fresh = await backend.track(userId, 'high-value-transfer', { idempotencyKey: `tx-${userId}` });
    client.setToken(fresh.token);
    expect((await client.email.verify({ code })).data?.failureReason).to.equal('CODE_INVALID_OR_EXPIRED');
    for (const expected of ['CODE_INVALID_OR_EXPIRED', 'CODE_INVALID_OR_EXPIRED', 'CODE_INVALID_OR_EXPIRED']) {
      client.setToken(fresh.token);
      expect((await client.email.verify({ code: '000000' })).data?.failureReason).to.equal(expected);
    }
    client.setToken(fresh.token);
    expect((await client.email.verify({ code: '000000' })).data?.failureReason).to.equal('MAX_ATTEMPTS_EXCEEDED');
    client.setToken(fresh.token);
    await client.email.challenge();
    client.setToken(fresh.token);
    const right = await client.email.verify({ code: await lastCode(email) });
    expect(right.data).to.deep.equal({ isVerified: false, failureReason: 'MAX_ATTEMPTS_EXCEEDED' });
  });

  it('adds a phone by SMS code (with the WebOTP line) and an authenticator app, each usable afterwards', async () => {
    const userId = uniqueUser('codes');
    const phoneNumber = `+6427${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    const add = await backend.track(userId, 'add-methods', { scope: 'add:authenticators' });
    const client = sdk();
    client.setToken(add.token);
    expect((await client.sms.enroll({ phoneNumber })).data?.userAuthenticatorId).to.be.a('string');
    const [sms] = await backend.outbox(phoneNumber);
    expect(sms!.text.split('\n').at(-1)).to.equal(`@${location.hostname} #${sms!.code}`);
    client.setToken(add.token);
    const phoneAdded = await client.sms.verify({ code: sms!.code });
    expect(phoneAdded.data?.isVerified).to.equal(true);

    // The verified token manages authenticators: add an app with it.
    client.setToken(phoneAdded.data!.token!);
    const app = await client.totp.enroll();
    expect(app.data?.uri).to.match(/^otpauth:\/\/totp\//);
    client.setToken(phoneAdded.data!.token!);
    const appAdded = await client.totp.verify({ code: await backend.totp(app.data!.secret) });
    expect(appAdded.data?.isVerified).to.equal(true);

    const stepUp = await backend.track(userId, 'high-value-transfer');
    expect(stepUp.state).to.equal('CHALLENGE_REQUIRED');
    client.setToken(stepUp.token);
    // The code that added the app is spent; the next 30-second step's code verifies.
    expect((await client.totp.verify({ code: await backend.totp(app.data!.secret) })).data?.isVerified).to.equal(false);
    client.setToken(stepUp.token);
    const byApp = await client.totp.verify({ code: await backend.totp(app.data!.secret, 30) });
    expect(byApp.data?.isVerified).to.equal(true);
    const validation = await backend.validate({ token: byApp.data!.token!, userId });
    expect(validation).to.include({ isValid: true, verificationMethod: 'AUTHENTICATOR_APP' });
  });

  it('keeps two users on one page apart when each call sets its own token in the same turn', async () => {
    const a = await emailUser();
    const b = await emailUser();
    const client = sdk();
    // Both sends at once: each reads the token set just before it, synchronously.
    client.setToken(a.track.token);
    const sendA = client.email.challenge();
    client.setToken(b.track.token);
    const sendB = client.email.challenge();
    await Promise.all([sendA, sendB]);
    const [codeA, codeB] = [await lastCode(a.email), await lastCode(b.email)];
    client.setToken(a.track.token);
    const verifyA = client.email.verify({ code: codeA });
    client.setToken(b.track.token);
    const verifyB = client.email.verify({ code: codeB });
    const [resultA, resultB] = await Promise.all([verifyA, verifyB]);
    expect((await backend.validate({ token: resultA.data!.token!, userId: a.userId })).isValid).to.equal(true);
    expect((await backend.validate({ token: resultB.data!.token!, userId: b.userId })).isValid).to.equal(true);
    // What goes wrong otherwise: the page-wide token is the last one set, so A's code is checked
    // against B's action (and counts as a wrong code there).
    const c = await emailUser();
    const d = await emailUser();
    client.setToken(c.track.token);
    await client.email.challenge();
    client.setToken(d.track.token); // another element, meanwhile
    const crossed = await client.email.verify({ code: await lastCode(c.email) });
    expect(crossed.data).to.deep.equal({ isVerified: false, failureReason: 'CODE_INVALID_OR_EXPIRED' });
  });
});
