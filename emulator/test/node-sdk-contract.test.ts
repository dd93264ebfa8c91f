import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { Authsignal } from '@authsignal/node';
import { decodeJwt, decodeProtectedHeader, createRemoteJWKSet, jwtVerify } from 'jose';
import { format } from 'prettier';
import { after, before, describe, it } from 'node:test';
import { assertShape, type Shape } from './support/shape.js';
import { SdkRecorder, sdkMethods } from './support/sdk-recorder.js';
import { SECRET, TENANT, TestEmulator } from './support/test-emulator.js';

/**
 * The contract of every `@authsignal/node` method against the emulator: each answer has the
 * shape the SDK's types declare (no key more, none missing), and each refusal (wrong secret,
 * unknown user, expired, revoked, malformed) is the error a caller can act on. The last test
 * writes (with UPDATE_README=1) or checks the README's table of methods, routes and "tested".
 */
const README = new URL('../../README.md', import.meta.url);
const START = '<!-- node-sdk-table:start (written by emulator/test/node-sdk-contract.test.ts) -->';
const END = '<!-- node-sdk-table:end -->';

const USER: Shape = {
  isEnrolled: 'boolean',
  email: 'string?',
  emailVerified: 'boolean',
  phoneNumber: 'string?',
  phoneNumberVerified: 'boolean',
  username: 'string?',
  displayName: 'string?',
  custom: 'object?',
  enrolledVerificationMethods: 'array?',
  allowedVerificationMethods: 'array?',
};
const ATTRIBUTES: Shape = {
  email: 'string?',
  emailVerified: 'boolean?',
  phoneNumber: 'string?',
  phoneNumberVerified: 'boolean?',
  username: 'string?',
  displayName: 'string?',
  custom: 'object?',
  locale: 'string?',
};
const AUTHENTICATOR: Shape = {
  userId: 'string',
  userAuthenticatorId: 'string',
  verificationMethod: 'string',
  createdAt: 'string',
  verifiedAt: 'string?',
  lastVerifiedAt: 'string?',
  phoneNumber: 'string?',
  email: 'string?',
  username: 'string?',
  displayName: 'string?',
  webauthnCredential: 'object?',
};
const WEBAUTHN_CREDENTIAL: Shape = {
  credentialId: 'string',
  deviceId: 'string?',
  name: 'string',
  aaguid: 'string?',
  aaguidMapping: 'object?',
  credentialBackedUp: 'boolean?',
  credentialDeviceType: 'string?',
  authenticatorAttachment: 'string?',
  parsedUserAgent: 'object?',
};
const TRACK: Shape = {
  idempotencyKey: 'string',
  state: 'string',
  url: 'string',
  token: 'string',
  isEnrolled: 'boolean',
  enrolledVerificationMethods: 'array?',
  allowedVerificationMethods: 'array?',
  defaultVerificationMethod: 'string?',
  ruleIds: 'array?',
};
const VALIDATION: Shape = {
  isValid: 'boolean',
  state: 'string?',
  stateUpdatedAt: 'string?',
  userId: 'string?',
  action: 'string?',
  idempotencyKey: 'string?',
  verificationMethod: 'string?',
  veriffSessionId: 'string?',
  error: 'string?',
};
const ACTION: Shape = {
  state: 'string',
  stateUpdatedAt: 'string',
  createdAt: 'string',
  verificationMethod: 'string?',
  rules: 'array?',
  output: 'object?',
  credentialDeviceType: 'string?',
  authenticatorAttachment: 'string?',
  parsedUserAgent: 'object?',
};
const USER_ACTION: Shape = {
  actionCode: 'string',
  idempotencyKey: 'string',
  createdAt: 'string',
  updatedAt: 'string?',
  state: 'string',
  stateUpdatedAt: 'string?',
  verificationMethod: 'string?',
  verifiedByAuthenticatorId: 'string?',
};
const CHALLENGE: Shape = { challengeId: 'string', idempotencyKey: 'string', expiresAt: 'number' };
const VERIFY: Shape = {
  isVerified: 'boolean',
  email: 'string?',
  phoneNumber: 'string?',
  verificationMethod: 'string?',
  failureReason: 'string?',
};
const GET_CHALLENGE: Shape = {
  challengeId: 'string?',
  expiresAt: 'number?',
  verificationMethod: 'string?',
  smsChannel: 'string?',
  phoneNumber: 'string?',
  email: 'string?',
  action: 'string?',
};
const TOKENS: Shape = { accessToken: 'string', refreshToken: 'string' };
const SESSION: Shape = { user: 'object', expiresAt: 'number', verificationMethod: 'string' };

describe('emulator: the @authsignal/node contract, method by method', () => {
  let t: TestEmulator;
  let sdk: Authsignal;
  let wrong: Authsignal;
  let recorder: SdkRecorder;
  const code = (to: string) => t.emulator.outbox(to)[0]!.code;

  before(async () => {
    t = await TestEmulator.start({ clientIds: ['web', 'ios'], sessions: { accessTokenSeconds: 300 } });
    recorder = new SdkRecorder(t.emulator);
    sdk = recorder.wrap(t.server);
    wrong = recorder.wrap(new Authsignal({ apiSecretKey: 'not-the-secret', apiUrl: t.emulator.url }));
  });
  after(() => t.close());

  /** A wrong secret is 401 `unauthorized` on every method, and changes nothing. */
  const refusesWrongSecret = (call: () => Promise<unknown>) =>
    assert.rejects(call, { statusCode: 401, errorCode: 'unauthorized' });

  it('users: getUser, updateUser, queryUsers, deleteUser', () =>
    recorder.contract(['getUser', 'updateUser', 'queryUsers', 'deleteUser'], async () => {
      const updated = await sdk.updateUser({
        userId: 'c-ann',
        attributes: { email: 'ann@example.com', username: 'ann', displayName: 'Ann', custom: { tier: 'gold' } },
      });
      assertShape(updated, ATTRIBUTES, 'updateUser');
      const user = await sdk.getUser({ userId: 'c-ann' });
      assertShape(user, USER, 'getUser');
      assert.equal(user.username, 'ann');
      assertShape(await sdk.getUser({ userId: 'c-nobody' }), USER, 'getUser of an unknown user');
      assert.equal((await sdk.getUser({ userId: 'c-nobody' })).isEnrolled, false);
      const page = await sdk.queryUsers({ username: 'ann' });
      assertShape(page, { users: 'array', lastEvaluatedUserId: 'string?', tokenPayload: 'object?' }, 'queryUsers');
      assertShape(
        page.users[0],
        {
          userId: 'string',
          email: 'string?',
          emailVerified: 'boolean',
          phoneNumber: 'string?',
          phoneNumberVerified: 'boolean',
          username: 'string?',
        },
        'queryUsers user',
      );
      await assert.rejects(() => sdk.queryUsers({ limit: 500 }), { statusCode: 400, errorCode: 'invalid_request' });
      await assert.rejects(() => sdk.updateUser({ userId: 'c-ann', attributes: { email: 'nope' } }), {
        statusCode: 400,
      });
      await refusesWrongSecret(() => wrong.getUser({ userId: 'c-ann' }));
      await refusesWrongSecret(() => wrong.updateUser({ userId: 'c-ann', attributes: { username: 'x' } }));
      await refusesWrongSecret(() => wrong.queryUsers({}));
      await refusesWrongSecret(() => wrong.deleteUser({ userId: 'c-ann' }));
      assert.equal(await sdk.deleteUser({ userId: 'c-ann' }), undefined);
      await assert.rejects(() => sdk.deleteUser({ userId: 'c-ann' }), { statusCode: 404, errorCode: 'not_found' });
    }));

  it('authenticators: enrollVerifiedAuthenticator (201, isDefault), getAuthenticators, deleteAuthenticator', () =>
    recorder.contract(['enrollVerifiedAuthenticator', 'getAuthenticators', 'deleteAuthenticator'], async () => {
      await t.enrolledUser('c-bo');
      await sdk.updateUser({ userId: 'c-bo', attributes: { username: 'bo', displayName: 'Bo' } });
      const before = await sdk.track({ userId: 'c-bo', action: 'signIn' });
      assert.equal(before.defaultVerificationMethod, 'PASSKEY');
      const enrolled = await sdk.enrollVerifiedAuthenticator({
        userId: 'c-bo',
        attributes: { verificationMethod: 'SMS' as never, phoneNumber: '+64275550100', isDefault: true },
      });
      assertShape(enrolled, { authenticator: 'object', recoveryCodes: 'array?' }, 'enrollVerifiedAuthenticator');
      assertShape(enrolled.authenticator, AUTHENTICATOR, 'enrolled authenticator');
      const raw = await fetch(`${t.emulator.url}/users/c-bo/authenticators`, {
        method: 'POST',
        headers: { authorization: `Basic ${btoa(`${SECRET}:`)}`, 'content-type': 'application/json' },
        body: JSON.stringify({ verificationMethod: 'EMAIL_OTP', email: 'bo@example.com' }),
      });
      assert.equal(raw.status, 201, 'a new authenticator is created');
      const again = await fetch(`${t.emulator.url}/users/c-bo/authenticators`, {
        method: 'POST',
        headers: { authorization: `Basic ${btoa(`${SECRET}:`)}`, 'content-type': 'application/json' },
        body: JSON.stringify({ verificationMethod: 'EMAIL_OTP', email: 'bo@example.com' }),
      });
      assert.equal(again.status, 200, 'the same one again is answered, not created');
      const after = await sdk.track({ userId: 'c-bo', action: 'signIn' });
      assert.equal(after.defaultVerificationMethod, 'SMS', 'isDefault makes its method the default');
      const list = await sdk.getAuthenticators({ userId: 'c-bo' });
      assert.equal(list.length, 3);
      for (const a of list) assertShape(a, AUTHENTICATOR, `getAuthenticators ${a.verificationMethod}`);
      const passkey = list.find((a) => a.verificationMethod === 'PASSKEY')!;
      assertShape(passkey.webauthnCredential, WEBAUTHN_CREDENTIAL, 'webauthnCredential');
      assert.equal(passkey.username, 'bo');
      assert.equal(passkey.displayName, 'Bo');
      for (const attributes of [
        { verificationMethod: 'SMS', phoneNumber: '12' },
        { verificationMethod: 'PUSH' },
        { verificationMethod: 'SMS', phoneNumber: '+64275550100', isDefault: 'yes' },
      ]) {
        await assert.rejects(
          () => sdk.enrollVerifiedAuthenticator({ userId: 'c-bo', attributes: attributes as never }),
          {
            statusCode: 400,
            errorCode: 'invalid_request',
          },
        );
      }
      const sms = list.find((a) => a.verificationMethod === 'SMS')!;
      await refusesWrongSecret(() => wrong.getAuthenticators({ userId: 'c-bo' }));
      await refusesWrongSecret(() =>
        wrong.enrollVerifiedAuthenticator({
          userId: 'c-bo',
          attributes: { verificationMethod: 'SMS' as never, phoneNumber: '+64275550101' },
        }),
      );
      await refusesWrongSecret(() =>
        wrong.deleteAuthenticator({ userId: 'c-bo', userAuthenticatorId: sms.userAuthenticatorId }),
      );
      assert.equal(
        await sdk.deleteAuthenticator({ userId: 'c-bo', userAuthenticatorId: sms.userAuthenticatorId }),
        undefined,
      );
      await assert.rejects(
        () => sdk.deleteAuthenticator({ userId: 'c-bo', userAuthenticatorId: sms.userAuthenticatorId }),
        {
          statusCode: 404,
        },
      );
      assert.deepEqual(await sdk.getAuthenticators({ userId: 'c-nobody' }), []);
    }));

  it('actions: track, validateChallenge, getAction, updateAction, queryUserActions', () =>
    recorder.contract(['track', 'validateChallenge', 'getAction', 'updateAction', 'queryUserActions'], async () => {
      await t.enrolledUser('c-cy');
      const tracked = await sdk.track({
        userId: 'c-cy',
        action: 'high-value-transfer',
        attributes: { idempotencyKey: 'c-k1', custom: { amount: 10 } },
      });
      assertShape(tracked, TRACK, 'track');
      assert.equal(tracked.state, 'CHALLENGE_REQUIRED');
      const pending = await sdk.validateChallenge({
        token: tracked.token,
        userId: 'c-cy',
        action: 'high-value-transfer',
      });
      assertShape(pending, VALIDATION, 'validateChallenge');
      assert.equal(pending.isValid, false);
      for (const [request, error] of [
        [{ token: tracked.token, userId: 'c-other' }, 'user_mismatch'],
        [{ token: tracked.token, action: 'other' }, 'action_mismatch'],
        [{ token: 'not.a.token' }, 'invalid_token'],
      ] as const) {
        const refused = await sdk.validateChallenge(request);
        assertShape(refused, VALIDATION, `validateChallenge ${error}`);
        // The SDK itself adds `action: undefined` (it renames the API's `actionCode`).
        assert.deepEqual({ ...refused }, { isValid: false, error, action: undefined });
      }
      const action = await sdk.getAction({ userId: 'c-cy', action: 'high-value-transfer', idempotencyKey: 'c-k1' });
      assertShape(action, ACTION, 'getAction');
      const updated = await sdk.updateAction({
        userId: 'c-cy',
        action: 'high-value-transfer',
        idempotencyKey: 'c-k1',
        attributes: { state: 'REVIEW_REQUIRED' as never },
      });
      assertShape(updated, { state: 'string' }, 'updateAction');
      await assert.rejects(
        () =>
          sdk.updateAction({
            userId: 'c-cy',
            action: 'high-value-transfer',
            idempotencyKey: 'c-k1',
            attributes: { state: 'DONE' as never },
          }),
        { statusCode: 400 },
      );
      await assert.rejects(
        () => sdk.getAction({ userId: 'c-cy', action: 'high-value-transfer', idempotencyKey: 'nope' }),
        {
          statusCode: 404,
        },
      );
      const actions = await sdk.queryUserActions({ userId: 'c-cy', actionCodes: ['high-value-transfer'] });
      assert.equal(actions.length, 1);
      assertShape(actions[0], USER_ACTION, 'queryUserActions');
      await assert.rejects(() => sdk.queryUserActions({ userId: 'c-cy', fromDate: 'yesterday' }), { statusCode: 400 });
      t.advance(601);
      try {
        const expired = await sdk.validateChallenge({ token: tracked.token });
        assert.deepEqual([expired.isValid, expired.error], [false, 'expired_token']);
      } finally {
        t.advance(-601);
      }
      await refusesWrongSecret(() => wrong.track({ userId: 'c-cy', action: 'high-value-transfer' }));
      await refusesWrongSecret(() => wrong.validateChallenge({ token: tracked.token }));
      await refusesWrongSecret(() =>
        wrong.getAction({ userId: 'c-cy', action: 'high-value-transfer', idempotencyKey: 'c-k1' }),
      );
      await refusesWrongSecret(() =>
        wrong.updateAction({
          userId: 'c-cy',
          action: 'high-value-transfer',
          idempotencyKey: 'c-k1',
          attributes: { state: 'ALLOW' as never },
        }),
      );
      await refusesWrongSecret(() => wrong.queryUserActions({ userId: 'c-cy' }));
    }));

  it('server-side codes: challenge, verify, getChallenge, claimChallenge (single use, lock, one send limit)', () =>
    recorder.contract(['challenge', 'verify', 'getChallenge', 'claimChallenge'], async () => {
      // A sign-up: a code to an address before the user exists, then claimed for the new user.
      const sent = await sdk.challenge({ verificationMethod: 'EMAIL_OTP', email: 'dee@example.com', action: 'signUp' });
      assertShape(sent, CHALLENGE, 'challenge');
      assert.ok(sent.expiresAt > Date.now() / 1000 && sent.expiresAt < Date.now() / 1000 + 601, 'Unix seconds');
      const found = await sdk.getChallenge({ challengeId: sent.challengeId });
      assertShape(found, GET_CHALLENGE, 'getChallenge');
      assert.equal(found.email, 'dee@example.com');
      assert.equal(found.action, 'signUp');
      assert.deepEqual(await sdk.getChallenge({ challengeId: 'unknown' }), {});
      // A resend: a new code under the same challenge, to the same address.
      const sends = t.emulator.outbox('dee@example.com').length;
      assert.equal((await sdk.challenge({ challengeId: sent.challengeId })).challengeId, sent.challengeId);
      assert.equal(t.emulator.outbox('dee@example.com').length, sends + 1);
      await assert.rejects(() => sdk.getChallenge({}), { statusCode: 400 });
      await assert.rejects(() => sdk.claimChallenge({ challengeId: sent.challengeId, userId: 'c-dee' }), {
        statusCode: 400,
        errorCode: 'invalid_challenge',
      });
      const wrongCode = code('dee@example.com') === '000000' ? '111111' : '000000';
      const miss = await sdk.verify({ challengeId: sent.challengeId, verificationCode: wrongCode });
      assertShape(miss, VERIFY, 'verify (wrong code)');
      assert.equal(miss.failureReason, 'CODE_INVALID_OR_EXPIRED');
      const hit = await sdk.verify({ challengeId: sent.challengeId, verificationCode: code('dee@example.com') });
      assertShape(hit, VERIFY, 'verify');
      assert.deepEqual(hit, { isVerified: true, email: 'dee@example.com', verificationMethod: 'EMAIL_OTP' });
      const replay = await sdk.verify({ challengeId: sent.challengeId, verificationCode: code('dee@example.com') });
      assert.equal(replay.isVerified, false, 'a code verifies once');
      const claimed = await sdk.claimChallenge({ challengeId: sent.challengeId, userId: 'c-dee' });
      assertShape(claimed, { token: 'string', verificationMethod: 'string' }, 'claimChallenge');
      const valid = await sdk.validateChallenge({ token: claimed.token, userId: 'c-dee', action: 'signUp' });
      assert.equal(valid.isValid, true);
      assert.equal(valid.verificationMethod, 'EMAIL_OTP');
      assert.equal((await sdk.getUser({ userId: 'c-dee' })).email, 'dee@example.com');
      await assert.rejects(() => sdk.claimChallenge({ challengeId: sent.challengeId, userId: 'c-dee' }), {
        statusCode: 400,
        errorCode: 'invalid_challenge',
      });
      await assert.rejects(() => sdk.verify({ challengeId: 'unknown', verificationCode: '123456' }), {
        statusCode: 404,
      });
      await assert.rejects(() => sdk.challenge({ verificationMethod: 'SMS', phoneNumber: '12' }), { statusCode: 400 });
      await assert.rejects(() => sdk.challenge({ verificationMethod: 'SMS', userId: 'c-nobody' }), { statusCode: 400 });

      // A step-up by SMS to the user's own phone completes the tracked action.
      await sdk.enrollVerifiedAuthenticator({
        userId: 'c-eve',
        attributes: { verificationMethod: 'SMS' as never, phoneNumber: '+64275550111' },
      });
      const tracked = await sdk.track({
        userId: 'c-eve',
        action: 'high-value-transfer',
        attributes: { idempotencyKey: 'c-k2' },
      });
      const sms = await sdk.challenge({
        verificationMethod: 'SMS',
        userId: 'c-eve',
        action: 'high-value-transfer',
        idempotencyKey: 'c-k2',
      });
      assert.equal(sms.idempotencyKey, 'c-k2');
      assert.equal(
        (await sdk.getChallenge({ userId: 'c-eve', action: 'high-value-transfer' })).challengeId,
        sms.challengeId,
      );
      assert.match(t.emulator.outbox('+64275550111')[0]!.text, /@localhost #\d{6}$/);
      const other = await sdk.challenge({
        verificationMethod: 'SMS',
        userId: 'c-mallory',
        phoneNumber: '+64275550112',
      });
      await assert.rejects(() => sdk.claimChallenge({ challengeId: other.challengeId, userId: 'c-eve' }), {
        statusCode: 400,
        errorCode: 'invalid_challenge',
      });
      await sdk.verify({ challengeId: sms.challengeId, verificationCode: code('+64275550111') });
      const stepped = await sdk.validateChallenge({
        token: tracked.token,
        userId: 'c-eve',
        action: 'high-value-transfer',
      });
      assert.equal(stepped.isValid, true);
      assert.equal(stepped.verificationMethod, 'SMS');

      // Five wrong codes lock the phone, across challenges, as the client API's codes do.
      const locked = await sdk.challenge({ verificationMethod: 'SMS', userId: 'c-eve' });
      const bad = code('+64275550111') === '999999' ? '999998' : '999999';
      for (let i = 0; i < 4; i++) await sdk.verify({ challengeId: locked.challengeId, verificationCode: bad });
      assert.equal(
        (await sdk.verify({ challengeId: locked.challengeId, verificationCode: bad })).failureReason,
        'MAX_ATTEMPTS_EXCEEDED',
      );
      const fresh = await sdk.challenge({ verificationMethod: 'SMS', userId: 'c-eve' });
      const right = await sdk.verify({ challengeId: fresh.challengeId, verificationCode: code('+64275550111') });
      assert.deepEqual([right.isVerified, right.failureReason], [false, 'MAX_ATTEMPTS_EXCEEDED']);
      // The send limit is shared: 6 texts to one user per 10 minutes, whichever API asks.
      await assert.rejects(
        async () => {
          for (let i = 0; i < 6; i++) await sdk.challenge({ verificationMethod: 'SMS', userId: 'c-eve' });
        },
        { statusCode: 429, errorCode: 'too_many_requests' },
      );
      // skipVerificationCheck claims an unverified code, but its token never validates as a success.
      const unverified = await sdk.challenge({ verificationMethod: 'EMAIL_OTP', email: 'fay@example.com' });
      const skipped = await sdk.claimChallenge({
        challengeId: unverified.challengeId,
        userId: 'c-fay',
        skipVerificationCheck: true,
      });
      assert.equal((await sdk.validateChallenge({ token: skipped.token })).isValid, false);
      const expiring = await sdk.challenge({ verificationMethod: 'EMAIL_OTP', email: 'gus@example.com' });
      t.advance(601);
      try {
        const late = await sdk.verify({ challengeId: expiring.challengeId, verificationCode: code('gus@example.com') });
        assert.equal(late.failureReason, 'CODE_INVALID_OR_EXPIRED');
      } finally {
        t.advance(-601);
      }
      await refusesWrongSecret(() => wrong.challenge({ verificationMethod: 'EMAIL_OTP', email: 'x@example.com' }));
      await refusesWrongSecret(() => wrong.verify({ challengeId: sent.challengeId, verificationCode: '123456' }));
      await refusesWrongSecret(() => wrong.getChallenge({ challengeId: sent.challengeId }));
      await refusesWrongSecret(() => wrong.claimChallenge({ challengeId: sent.challengeId, userId: 'c-dee' }));
    }));

  it('sessions: createSession, validateSession, refreshSession (rotation, reuse), revokeSession, revokeUserSessions', () =>
    recorder.contract(
      ['createSession', 'validateSession', 'refreshSession', 'revokeSession', 'revokeUserSessions'],
      async () => {
        await sdk.updateUser({ userId: 'c-hal', attributes: { email: 'hal@example.com', username: 'hal' } });
        const signIn = async () => {
          const sent = await sdk.challenge({
            verificationMethod: 'EMAIL_OTP',
            email: 'hal@example.com',
            userId: 'c-hal',
            action: 'signIn',
          });
          await sdk.verify({ challengeId: sent.challengeId, verificationCode: code('hal@example.com') });
          return (await sdk.claimChallenge({ challengeId: sent.challengeId, userId: 'c-hal' })).token;
        };
        const token = await signIn();
        await assert.rejects(() => sdk.createSession({ clientId: 'android', token }), { statusCode: 400 });
        await assert.rejects(() => sdk.createSession({ clientId: 'web', token, action: 'transfer' }), {
          statusCode: 400,
          errorCode: 'action_mismatch',
        });
        const session = await sdk.createSession({ clientId: 'web', token, action: 'signIn' });
        assertShape(session, TOKENS, 'createSession');
        await assert.rejects(() => sdk.createSession({ clientId: 'web', token }), {
          statusCode: 400,
          errorCode: 'invalid_challenge',
        });
        const pending = await sdk.track({ userId: 'c-hal', action: 'high-value-transfer' });
        await sdk.enrollVerifiedAuthenticator({
          userId: 'c-hal',
          attributes: { verificationMethod: 'EMAIL_OTP' as never, email: 'hal@example.com' },
        });
        const challenged = await sdk.track({ userId: 'c-hal', action: 'high-value-transfer' });
        await assert.rejects(() => sdk.createSession({ clientId: 'web', token: challenged.token }), {
          statusCode: 400,
          errorCode: 'invalid_challenge',
        });
        assert.equal(pending.state, 'ALLOW');
        await assert.rejects(() => sdk.createSession({ clientId: 'web', token: pending.token }), { statusCode: 400 });
        await assert.rejects(() => sdk.createSession({ clientId: 'web', token: 'forged' }), {
          statusCode: 401,
          errorCode: 'invalid_token',
        });

        // The access token: RS256, verifiable with the published JWKS, bound to the client.
        const header = decodeProtectedHeader(session.accessToken);
        assert.equal(header.alg, 'RS256');
        const claims = decodeJwt(session.accessToken);
        assert.deepEqual(
          [claims.sub, claims.aud, claims.verificationMethod, claims.exp! - claims.iat!],
          ['c-hal', 'web', 'EMAIL_OTP', 300],
        );
        const jwks = createRemoteJWKSet(new URL(`${t.emulator.url}/client/public/${TENANT}/.well-known/jwks`));
        await jwtVerify(session.accessToken, jwks, { audience: 'web' });

        const validated = await sdk.validateSession({ accessToken: session.accessToken, clientIds: ['web'] });
        assertShape(validated, SESSION, 'validateSession');
        assertShape(validated.user, { userId: 'string', ...ATTRIBUTES }, 'validateSession user');
        assert.deepEqual(
          [validated.user.userId, validated.user.email, validated.verificationMethod],
          ['c-hal', 'hal@example.com', 'EMAIL_OTP'],
        );
        await assert.rejects(() => sdk.validateSession({ accessToken: session.accessToken, clientIds: ['ios'] }), {
          statusCode: 401,
          errorCode: 'invalid_token',
        });
        await assert.rejects(() => sdk.validateSession({ accessToken: `${session.accessToken}x` }), {
          statusCode: 401,
        });

        // Rotation: new tokens, the old access token replaced, the old refresh token spent; reusing it revokes all.
        const refreshed = await sdk.refreshSession({ refreshToken: session.refreshToken });
        assertShape(refreshed, TOKENS, 'refreshSession');
        assert.notEqual(refreshed.refreshToken, session.refreshToken);
        await assert.rejects(() => sdk.validateSession({ accessToken: session.accessToken }), { statusCode: 401 });
        assert.equal((await sdk.validateSession({ accessToken: refreshed.accessToken })).user.userId, 'c-hal');
        await assert.rejects(() => sdk.refreshSession({ refreshToken: session.refreshToken }), {
          statusCode: 401,
          errorCode: 'invalid_token',
        });
        await assert.rejects(() => sdk.validateSession({ accessToken: refreshed.accessToken }), { statusCode: 401 });
        await assert.rejects(() => sdk.refreshSession({ refreshToken: refreshed.refreshToken }), { statusCode: 401 });
        await assert.rejects(() => sdk.refreshSession({ refreshToken: 'unknown' }), { statusCode: 401 });

        // Expiry of the access token; refreshing still works until the family ends.
        const second = await sdk.createSession({ clientId: 'ios', token: await signIn() });
        t.advance(301);
        try {
          await assert.rejects(() => sdk.validateSession({ accessToken: second.accessToken }), {
            statusCode: 401,
            errorCode: 'expired_token',
          });
          const renewed = await sdk.refreshSession({ refreshToken: second.refreshToken });
          assert.equal((await sdk.validateSession({ accessToken: renewed.accessToken })).user.userId, 'c-hal');
          assert.equal(await sdk.revokeSession({ accessToken: renewed.accessToken }), undefined);
          await assert.rejects(() => sdk.validateSession({ accessToken: renewed.accessToken }), { statusCode: 401 });
          await assert.rejects(() => sdk.refreshSession({ refreshToken: renewed.refreshToken }), { statusCode: 401 });
        } finally {
          t.advance(-301);
        }
        await assert.rejects(() => sdk.revokeSession({ accessToken: 'forged' }), { statusCode: 401 });

        // Every session of the user, and only theirs.
        const a = await sdk.createSession({ clientId: 'web', token: await signIn() });
        const b = await sdk.createSession({ clientId: 'ios', token: await signIn() });
        await sdk.updateUser({ userId: 'c-ivy', attributes: { email: 'ivy@example.com' } });
        const ivySent = await sdk.challenge({
          verificationMethod: 'EMAIL_OTP',
          userId: 'c-ivy',
          email: 'ivy@example.com',
        });
        await sdk.verify({ challengeId: ivySent.challengeId, verificationCode: code('ivy@example.com') });
        const ivy = await sdk.createSession({
          clientId: 'web',
          token: (await sdk.claimChallenge({ challengeId: ivySent.challengeId, userId: 'c-ivy' })).token,
        });
        assert.equal(await sdk.revokeUserSessions({ userId: 'c-hal' }), undefined);
        for (const s of [a, b]) {
          await assert.rejects(() => sdk.validateSession({ accessToken: s.accessToken }), { statusCode: 401 });
          await assert.rejects(() => sdk.refreshSession({ refreshToken: s.refreshToken }), { statusCode: 401 });
        }
        assert.equal((await sdk.validateSession({ accessToken: ivy.accessToken })).user.userId, 'c-ivy');
        // Deleting the user ends their sessions too.
        await sdk.deleteUser({ userId: 'c-ivy' });
        await assert.rejects(() => sdk.validateSession({ accessToken: ivy.accessToken }), { statusCode: 401 });

        await refusesWrongSecret(() => wrong.createSession({ clientId: 'web', token }));
        await refusesWrongSecret(() => wrong.validateSession({ accessToken: a.accessToken }));
        await refusesWrongSecret(() => wrong.refreshSession({ refreshToken: a.refreshToken }));
        await refusesWrongSecret(() => wrong.revokeSession({ accessToken: a.accessToken }));
        await refusesWrongSecret(() => wrong.revokeUserSessions({ userId: 'c-hal' }));
      },
    ));

  it('the README table lists every method of @authsignal/node with its route, each tested', async () => {
    const methods = sdkMethods(Authsignal);
    assert.equal(methods.length, 21, 'the SDK has the 21 methods this suite was written for');
    const rows = methods.map((m) => {
      const routes = [...(recorder.routes.get(m) ?? [])].sort();
      return `| \`${m}\` | ${routes.map((r) => `\`${r}\``).join(', ') || '—'} | ${recorder.tested.has(m) ? 'tested' : 'not tested'} |`;
    });
    const table = (
      await format(
        ['| `@authsignal/node` method | route (under `/v1`) | contract |', '| --- | --- | --- |', ...rows].join('\n'),
        {
          parser: 'markdown',
        },
      )
    ).trim();
    const readme = readFileSync(README, 'utf8');
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    assert.ok(start !== -1 && end > start, 'the README has the table markers');
    const current = readme.slice(start + START.length, end).trim();
    if (process.env.UPDATE_README === '1' && current !== table) {
      writeFileSync(README, `${readme.slice(0, start + START.length)}\n\n${table}\n\n${readme.slice(end)}`);
    } else {
      assert.equal(current, table, 'the README table is stale: run UPDATE_README=1 on this file');
    }
    assert.deepEqual(
      methods.filter((m) => !recorder.tested.has(m) || !recorder.routes.has(m)),
      [],
      'every method tested, with a route',
    );
  });
});
