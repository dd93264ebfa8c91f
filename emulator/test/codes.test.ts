import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { VerificationMethod } from '@authsignal/node';
import { Secret, TOTP } from 'otpauth';
import { ORIGIN, SECRET, TestEmulator } from './support/test-emulator.js';

// The node SDK types these as its own enum; on the wire they are these strings.
const EMAIL = 'EMAIL_OTP' as VerificationMethod;
const SMS = 'SMS' as VerificationMethod;

// Email and SMS codes and authenticator apps, through the real @authsignal/node and the client API
// exactly as @authsignal/browser 1.16 calls it (wire protocol §1.11).
const CODE_RULES = {
  defaultState: 'ALLOW' as const,
  actions: {
    'high-value-transfer': {
      state: 'CHALLENGE_REQUIRED' as const,
      methods: ['PASSKEY' as const, 'EMAIL_OTP' as const],
    },
    'change-password': 'CHALLENGE_REQUIRED' as const,
  },
};

describe('emulator: email, SMS and authenticator-app codes', () => {
  let t: TestEmulator;
  let users = 0;
  const user = () => `code-user-${++users}`;
  before(async () => (t = await TestEmulator.start({ rules: CODE_RULES, printOutbox: false })));
  after(() => t.close());

  const lastCode = (to: string) => t.emulator.outbox(to)[0]!.code;
  const verify = (path: string, token: string, verificationCode: string) =>
    t.client(`/client/verify/${path}`, { verificationCode }, { token }).then((r) => r.json);
  /** A user with an email authenticator (as the bank's sign-up makes one) and a step-up token. */
  const emailUser = async (action = 'high-value-transfer') => {
    const userId = user();
    const email = `${userId}@example.com`;
    await t.server.enrollVerifiedAuthenticator({ userId, attributes: { verificationMethod: EMAIL, email } });
    const track = await t.server.track({ userId, action, attributes: { idempotencyKey: `tx-${userId}` } });
    return { userId, email, track };
  };

  it('enrolls a verified email or phone from the server, lists it, and track offers the allowed methods', async () => {
    const { userId, email, track } = await emailUser();
    const sms = await t.server.enrollVerifiedAuthenticator({
      userId,
      attributes: { verificationMethod: SMS, phoneNumber: '+64270000000' },
    });
    assert.equal(sms.authenticator.verificationMethod, 'SMS');
    const again = await t.server.enrollVerifiedAuthenticator({
      userId,
      attributes: { verificationMethod: EMAIL, email },
    });
    const listed = await t.server.getAuthenticators({ userId });
    assert.deepEqual(
      listed.map((a) => a.verificationMethod).sort(),
      ['EMAIL_OTP', 'SMS'],
      'the same email is not added twice',
    );
    assert.ok(listed.some((a) => a.userAuthenticatorId === again.authenticator.userAuthenticatorId));
    assert.equal(listed.find((a) => a.verificationMethod === 'EMAIL_OTP')?.email, email);
    assert.equal(track.state, 'CHALLENGE_REQUIRED');
    assert.deepEqual(track.enrolledVerificationMethods, ['EMAIL_OTP']);
    const second = await t.server.track({ userId, action: 'high-value-transfer' });
    // The rule permits PASSKEY and EMAIL_OTP: SMS is enrolled but not allowed for this action.
    assert.deepEqual(second.enrolledVerificationMethods, ['EMAIL_OTP', 'SMS']);
    assert.deepEqual(second.allowedVerificationMethods, ['EMAIL_OTP']);
    assert.equal(second.defaultVerificationMethod, 'EMAIL_OTP');
    // The plain string form permits whatever the user has.
    const other = await t.server.track({ userId, action: 'change-password' });
    assert.deepEqual(other.allowedVerificationMethods, ['EMAIL_OTP', 'SMS']);
    const profile = await t.server.getUser({ userId });
    assert.equal(profile.emailVerified, true);
    assert.equal(profile.phoneNumberVerified, true);
    await assert.rejects(
      () =>
        t.server.enrollVerifiedAuthenticator({
          userId,
          attributes: { verificationMethod: SMS, phoneNumber: '0270000' },
        }),
      { statusCode: 400 },
    );
  });

  it('steps up by email code: nothing sent until asked, the code verifies once, the token validates with EMAIL_OTP', async () => {
    const { userId, email, track } = await emailUser();
    assert.equal(t.emulator.outbox(email).length, 0);
    const sent = await t.client('/client/challenge/email-otp', undefined, { token: track.token });
    assert.equal(sent.status, 200);
    assert.equal(typeof sent.json.challengeId, 'string');
    const [message] = t.emulator.outbox(email);
    assert.equal(message!.channel, 'EMAIL');
    assert.match(message!.code, /^\d{6}$/);
    assert.ok(message!.text.includes(message!.code));
    const ok = await verify('email-otp', track.token, message!.code);
    assert.equal(ok.isVerified, true);
    const validation = await t.server.validateChallenge({
      token: String(ok.accessToken),
      userId,
      action: 'high-value-transfer',
    });
    assert.equal(validation.isValid, true);
    assert.equal(validation.verificationMethod, 'EMAIL_OTP');
    assert.equal(validation.idempotencyKey, `tx-${userId}`);
    const action = await t.server.getAction({ userId, action: 'high-value-transfer', idempotencyKey: `tx-${userId}` });
    assert.equal(action?.verificationMethod, 'EMAIL_OTP');
    // Single use.
    assert.deepEqual(await verify('email-otp', track.token, message!.code), {
      isVerified: false,
      failureReason: 'CODE_INVALID_OR_EXPIRED',
    });
  });

  it('refuses a wrong, an expired and a replaced code, then locks the action after 5 wrong codes', async () => {
    const { userId, email, track } = await emailUser();
    await t.client('/client/challenge/email-otp', undefined, { token: track.token });
    const first = lastCode(email);
    await t.client('/client/challenge/email-otp', undefined, { token: track.token });
    const second = lastCode(email);
    assert.deepEqual(
      await verify('email-otp', track.token, first === second ? '000000' : first),
      {
        isVerified: false,
        failureReason: 'CODE_INVALID_OR_EXPIRED',
      },
      'a new send replaces the old code',
    );
    t.advance(601);
    try {
      // The token expired with it (10 minutes): a fresh one for the same action.
      const fresh = await t.server.track({
        userId,
        action: 'high-value-transfer',
        attributes: { idempotencyKey: track.idempotencyKey },
      });
      assert.deepEqual(
        await verify('email-otp', fresh.token, second),
        {
          isVerified: false,
          failureReason: 'CODE_INVALID_OR_EXPIRED',
        },
        'a code older than 10 minutes',
      );
      // Three more wrong codes make five: the fifth answers MAX_ATTEMPTS_EXCEEDED.
      for (const expected of ['CODE_INVALID_OR_EXPIRED', 'CODE_INVALID_OR_EXPIRED', 'MAX_ATTEMPTS_EXCEEDED']) {
        assert.equal((await verify('email-otp', fresh.token, '000001')).failureReason, expected);
      }
      // Locked: a new send and the right code change nothing.
      assert.equal((await t.client('/client/challenge/email-otp', undefined, { token: fresh.token })).status, 200);
      assert.deepEqual(await verify('email-otp', fresh.token, lastCode(email)), {
        isVerified: false,
        failureReason: 'MAX_ATTEMPTS_EXCEEDED',
      });
    } finally {
      t.advance(-601);
    }
  });

  it('counts wrong codes per user and authenticator across actions: a new transfer starts no fresh count', async () => {
    const { userId, email } = await emailUser();
    const freshAction = async (n: number) =>
      (await t.server.track({ userId, action: 'high-value-transfer', attributes: { idempotencyKey: `guess-${n}` } }))
        .token;
    // One wrong code on each of five actions: the fifth locks the email authenticator.
    const reasons = [];
    for (let n = 0; n < 5; n++) {
      const token = await freshAction(n);
      await t.client('/client/challenge/email-otp', undefined, { token });
      reasons.push(
        (await verify('email-otp', token, lastCode(email) === '000002' ? '000003' : '000002')).failureReason,
      );
    }
    assert.deepEqual(reasons, [...Array(4).fill('CODE_INVALID_OR_EXPIRED'), 'MAX_ATTEMPTS_EXCEEDED']);
    // A sixth action with the right code: still locked.
    const token = await freshAction(5);
    await t.client('/client/challenge/email-otp', undefined, { token });
    assert.deepEqual(await verify('email-otp', token, lastCode(email)), {
      isVerified: false,
      failureReason: 'MAX_ATTEMPTS_EXCEEDED',
    });
    // Another user is not locked by it; and 15 minutes on, this one may try again.
    const other = await emailUser();
    await t.client('/client/challenge/email-otp', undefined, { token: other.track.token });
    assert.equal((await verify('email-otp', other.track.token, lastCode(other.email))).isVerified, true);
    t.advance(15 * 60 + 1);
    try {
      const later = await freshAction(6);
      await t.client('/client/challenge/email-otp', undefined, { token: later });
      assert.equal((await verify('email-otp', later, lastCode(email))).isVerified, true);
    } finally {
      t.advance(-(15 * 60 + 1));
    }
  });

  it('counts wrong enrollment codes per address: starting the enrollment again starts no fresh count', async () => {
    const userId = user();
    const victim = `victim-of-${userId}@example.com`;
    const reasons = [];
    for (let n = 0; n < 5; n++) {
      const track = await t.server.track({
        userId,
        action: 'add-email',
        attributes: { idempotencyKey: `try-${n}`, scope: 'add:authenticators' },
      });
      await t.client('/client/user-authenticators/email-otp', { email: victim }, { token: track.token });
      reasons.push(
        (await verify('email-otp', track.token, lastCode(victim) === '000004' ? '000005' : '000004')).failureReason,
      );
    }
    assert.deepEqual(reasons, [...Array(4).fill('CODE_INVALID_OR_EXPIRED'), 'MAX_ATTEMPTS_EXCEEDED']);
    const last = await t.server.track({ userId, action: 'add-email', attributes: { scope: 'add:authenticators' } });
    await t.client('/client/user-authenticators/email-otp', { email: victim }, { token: last.token });
    assert.equal((await verify('email-otp', last.token, lastCode(victim))).failureReason, 'MAX_ATTEMPTS_EXCEEDED');
    assert.deepEqual(await t.server.getAuthenticators({ userId }), []);
  });

  it('keeps, with each code sent, the user whose action it was for (outboxOf), not only the address', async () => {
    const first = await emailUser();
    await t.client('/client/challenge/email-otp', undefined, { token: first.track.token });
    // Another user with the same address.
    const second = user();
    await t.server.enrollVerifiedAuthenticator({
      userId: second,
      attributes: { verificationMethod: EMAIL, email: first.email },
    });
    assert.equal(t.emulator.outbox(first.email).length, 1);
    assert.equal(t.emulator.outboxOf(first.userId).length, 1);
    assert.equal(t.emulator.outboxOf(first.userId)[0]!.userId, first.userId);
    assert.deepEqual(t.emulator.outboxOf(second), []);
  });

  it('enrolls an email address and a phone number through the client API, each verified by a code', async () => {
    const userId = user();
    const track = await t.server.track({ userId, action: 'add-methods', attributes: { scope: 'add:authenticators' } });
    const started = await t.client(
      '/client/user-authenticators/email-otp',
      { email: 'new@example.com' },
      { token: track.token },
    );
    assert.deepEqual(Object.keys(started.json).sort(), ['userAuthenticatorId', 'userId']);
    assert.equal((await t.server.getAuthenticators({ userId })).length, 0, 'not before the code verifies it');
    const done = await verify('email-otp', track.token, lastCode('new@example.com'));
    assert.equal(done.isVerified, true);
    assert.equal((done.userAuthenticator as { verificationMethod: string }).verificationMethod, 'EMAIL_OTP');

    const token = String(done.accessToken);
    await t.client(
      '/client/user-authenticators/sms',
      { phoneNumber: '+64 27 123 4567' },
      { token },
      { origin: ORIGIN },
    );
    const [sms] = t.emulator.outbox('+64271234567');
    assert.equal(sms!.channel, 'SMS');
    // WebOTP: the last line names the page's host name (no port) and the code.
    assert.equal(sms!.text.split('\n').at(-1), `@localhost #${sms!.code}`);
    assert.equal((await verify('sms', token, sms!.code)).isVerified, true);
    const methods = (await t.server.getAuthenticators({ userId })).map((a) => a.verificationMethod).sort();
    assert.deepEqual(methods, ['EMAIL_OTP', 'SMS']);
    // Without add:authenticators, an enrolled user adds nothing.
    const plain = await t.server.track({ userId, action: 'add-methods-again' });
    const refused = await t.client(
      '/client/user-authenticators/email-otp',
      { email: 'x@example.com' },
      { token: plain.token },
    );
    assert.equal(refused.status, 403);
    assert.equal(refused.json.error, 'insufficient_scope');
  });

  it('enrolls an authenticator app, verifies its codes (±1 step) and refuses a code used before', async () => {
    const userId = user();
    const track = await t.server.track({ userId, action: 'add-app' });
    const enrolled = await t.client('/client/user-authenticators/totp', undefined, { token: track.token });
    const { uri, secret } = enrolled.json as { uri: string; secret: string };
    assert.match(uri, /^otpauth:\/\/totp\//);
    const app = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
    assert.equal((await verify('totp', track.token, app.generate())).isVerified, true);
    const stepUp = await t.server.track({ userId, action: 'change-password' });
    assert.deepEqual(stepUp.allowedVerificationMethods, ['AUTHENTICATOR_APP']);
    // The code that enrolled it does not verify again; the next step's code does.
    assert.equal((await verify('totp', stepUp.token, app.generate())).isVerified, false);
    const next = app.generate({ timestamp: Date.now() + 30_000 });
    const ok = await verify('totp', stepUp.token, next);
    assert.equal(ok.isVerified, true);
    assert.equal(
      (await t.server.validateChallenge({ token: String(ok.accessToken) })).verificationMethod,
      'AUTHENTICATOR_APP',
    );
    const again = await t.server.track({ userId, action: 'change-password' });
    assert.equal((await verify('totp', again.token, next)).isVerified, false, 'replayed');
    // Two steps away is refused.
    assert.equal(
      (await verify('totp', again.token, app.generate({ timestamp: Date.now() + 90_000 }))).isVerified,
      false,
    );
  });

  it('answers the outbox only with the server secret, newest first', async () => {
    const { email, track } = await emailUser();
    await t.client('/client/challenge/email-otp', undefined, { token: track.token });
    await t.client('/client/challenge/email-otp', undefined, { token: track.token });
    const url = `${t.emulator.url}/dev/outbox?to=${encodeURIComponent(email)}`;
    assert.equal((await fetch(url)).status, 401);
    const r = await fetch(url, { headers: { authorization: `Basic ${btoa(`${SECRET}:`)}` } });
    const { messages } = (await r.json()) as { messages: { code: string; sentAt: string; to: string }[] };
    assert.equal(messages.length, 2);
    assert.equal(messages[0]!.code, lastCode(email));
    assert.ok(messages[0]!.sentAt >= messages[1]!.sentAt);
    assert.ok(messages.every((m) => m.to === email));
  });

  it('refuses sending to a user without that method, and limits sends', async () => {
    const { track } = await emailUser();
    const sms = await t.client('/client/challenge/sms', undefined, { token: track.token });
    assert.equal(sms.status, 400);
    let status = 200;
    for (let i = 0; i < 13 && status === 200; i++) {
      status = (await t.client('/client/challenge/email-otp', undefined, { token: track.token })).status;
    }
    assert.equal(status, 429, 'email sends are limited to 12 per 10 minutes');
  });
});

describe('emulator: code authenticators across a restart', () => {
  const dir = mkdtempSync(join(tmpdir(), 'emulator-codes-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps email, SMS and authenticator-app authenticators in the data file', async () => {
    const dataFile = join(dir, 'emulator.json');
    const first = await TestEmulator.start({ dataFile, printOutbox: false });
    await first.server.enrollVerifiedAuthenticator({
      userId: 'kept',
      attributes: { verificationMethod: EMAIL, email: 'kept@example.com' },
    });
    const track = await first.server.track({
      userId: 'kept',
      action: 'app',
      attributes: { scope: 'add:authenticators' },
    });
    const { secret } = (await first.client('/client/user-authenticators/totp', undefined, { token: track.token }))
      .json as { secret: string };
    const app = new TOTP({ secret: Secret.fromBase32(secret) });
    assert.equal(
      (await first.client('/client/verify/totp', { verificationCode: app.generate() }, { token: track.token })).json
        .isVerified,
      true,
    );
    await first.close();
    const second = await TestEmulator.start({ dataFile, printOutbox: false });
    try {
      const methods = (await second.server.getAuthenticators({ userId: 'kept' }))
        .map((a) => a.verificationMethod)
        .sort();
      assert.deepEqual(methods, ['AUTHENTICATOR_APP', 'EMAIL_OTP']);
      const stepUp = await second.server.track({ userId: 'kept', action: 'app' });
      const next = app.generate({ timestamp: Date.now() + 30_000 });
      assert.equal(
        (await second.client('/client/verify/totp', { verificationCode: next }, { token: stepUp.token })).json
          .isVerified,
        true,
      );
    } finally {
      await second.close();
    }
  });
});
