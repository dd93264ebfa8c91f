import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ORIGIN, SECRET, TENANT, TestEmulator } from './support/test-emulator.js';

describe('emulator: HTTP, auth headers and CORS', () => {
  let t: TestEmulator;
  before(async () => (t = await TestEmulator.start()));
  after(() => t.close());

  it('accepts the tenant id with and without the trailing colon, and refuses another', async () => {
    const without = await t.client('/client/challenge', { action: 'signIn' }, { raw: `Basic ${btoa(TENANT)}` });
    const withColon = await t.client('/client/challenge', { action: 'signIn' }, { raw: `Basic ${btoa(`${TENANT}:`)}` });
    assert.equal(without.status, 200);
    assert.equal(withColon.status, 200);
    assert.notEqual(without.json.challengeId, withColon.json.challengeId);
    const wrong = await t.client('/client/challenge', { action: 'signIn' }, { raw: `Basic ${btoa('other')}` });
    assert.equal(wrong.status, 401);
    const secretAsTenant = await t.client(
      '/client/challenge',
      { action: 'signIn' },
      { raw: `Basic ${btoa(`${SECRET}:`)}` },
    );
    assert.equal(secretAsTenant.status, 401);
    const none = await t.client('/client/challenge', { action: 'signIn' });
    assert.equal(none.status, 401);
  });

  it('never accepts the tenant id on the server API', async () => {
    const r = await fetch(`${t.emulator.url}/users/u`, { headers: { authorization: `Basic ${btoa(`${TENANT}:`)}` } });
    assert.equal(r.status, 401);
  });

  it('refuses an expired or invalid bearer token with the codes the SDK knows', async () => {
    const track = await t.server.track({ userId: 'http-user', action: 'enroll-passkey' });
    t.advance(600);
    try {
      const expired = await t.client(
        '/client/user-authenticators/passkey/registration-options',
        {},
        { token: track.token },
      );
      assert.equal(expired.status, 401);
      assert.deepEqual(expired.json, {
        error: 'expired_token',
        errorCode: 'expired_token',
        errorDescription: 'The token has expired.',
      });
    } finally {
      t.advance(-600);
    }
    const garbage = await t.client(
      '/client/user-authenticators/passkey/registration-options',
      {},
      { token: 'not.a.jwt' },
    );
    assert.equal(garbage.json.errorCode, 'invalid_token');
  });

  it('answers CORS preflight for allowed origins only', async () => {
    const ok = await fetch(`${t.emulator.url}/client/verify/passkey`, {
      method: 'OPTIONS',
      headers: {
        origin: ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    assert.equal(ok.status, 204);
    assert.equal(ok.headers.get('access-control-allow-origin'), ORIGIN);
    assert.equal(ok.headers.get('access-control-allow-credentials'), 'true');
    assert.match(ok.headers.get('access-control-allow-headers') ?? '', /authorization/);
    assert.match(ok.headers.get('access-control-allow-headers') ?? '', /content-type/);

    const refused = await fetch(`${t.emulator.url}/client/verify/passkey`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    assert.equal(refused.status, 403);
    assert.equal(refused.headers.get('access-control-allow-origin'), null);
    assert.equal(((await refused.json()) as { error: string }).error, 'invalid_origin');
  });

  it('refuses client calls from a foreign origin and adds CORS headers for allowed ones', async () => {
    const foreign = await t.client(
      '/client/challenge',
      { action: 'signIn' },
      { tenant: TENANT },
      { origin: 'https://evil.example' },
    );
    assert.equal(foreign.status, 403);
    assert.equal(foreign.headers.get('access-control-allow-origin'), null);
    const allowed = await t.client('/client/challenge', { action: 'signIn' }, { tenant: TENANT }, { origin: ORIGIN });
    assert.equal(allowed.status, 200);
    assert.equal(allowed.headers.get('access-control-allow-origin'), ORIGIN);
    assert.equal(allowed.headers.get('vary'), 'Origin');
  });

  it('does not offer the server API to browsers', async () => {
    const r = await fetch(`${t.emulator.url}/validate`, { method: 'OPTIONS', headers: { origin: ORIGIN } });
    assert.equal(r.headers.get('access-control-allow-origin'), null);
  });

  it('answers malformed JSON with 400 invalid_request and changes nothing', async () => {
    const auth = `Basic ${btoa(`${SECRET}:`)}`;
    const r = await fetch(`${t.emulator.url}/users/json-user/actions/high-value-transfer`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: '{"idempotencyKey": "k1",',
    });
    assert.equal(r.status, 400);
    assert.equal(r.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.deepEqual(await r.json(), {
      error: 'invalid_request',
      errorCode: 'invalid_request',
      errorDescription: 'The request body is not valid JSON.',
    });
    await assert.rejects(
      () => t.server.getAction({ userId: 'json-user', action: 'high-value-transfer', idempotencyKey: 'k1' }),
      { statusCode: 404 },
    );
    const notObject = await t.client('/client/challenge', '[1,2]', { tenant: TENANT });
    assert.equal(notObject.status, 400);
    assert.equal(notObject.json.errorCode, 'invalid_request');
  });

  it('treats an empty body as {} (the SDK sends body-less JSON POSTs)', async () => {
    const r = await t.client('/client/user-authenticators/passkey/authentication-options', undefined, {
      tenant: TENANT,
    });
    assert.equal(r.status, 200);
    assert.equal(typeof r.json.challengeId, 'string');
  });

  it('answers unknown paths and methods with JSON errors', async () => {
    const missing = await t.client('/client/nothing-here', {}, { tenant: TENANT });
    assert.equal(missing.status, 404);
    assert.equal(missing.json.error, 'not_found');
    const method = await t.client('/client/verify/passkey', undefined, { tenant: TENANT }, { method: 'GET' });
    assert.equal(method.status, 405);
    assert.equal(method.json.error, 'method_not_allowed');
  });

  it('refuses oversized bodies with 413', async () => {
    const r = await t.client('/client/challenge', { action: 'x'.repeat(300 * 1024) }, { tenant: TENANT });
    assert.equal(r.status, 413);
    assert.equal(r.json.error, 'invalid_request');
  });

  it('answers every field error with the field name', async () => {
    const r = await t.client('/client/challenge', { action: 42 }, { tenant: TENANT });
    assert.equal(r.status, 400);
    assert.match(String(r.json.errorDescription), /"action"/);
  });
});

describe('emulator: rate limit and test hooks', () => {
  let t: TestEmulator;
  before(async () => (t = await TestEmulator.start({ rateLimit: { max: 3, windowSeconds: 60 } })));
  after(() => t.close());

  it('answers 429 too_many_requests past the limit, per user, until the window passes', async () => {
    const limited = await t.server.track({ userId: 'busy-user', action: 'enroll-passkey' });
    const other = await t.server.track({ userId: 'calm-user', action: 'enroll-passkey' });
    const options = (token: string) =>
      t.client('/client/user-authenticators/passkey/registration-options', {}, { token });
    for (let i = 0; i < 3; i++) assert.equal((await options(limited.token)).status, 200);
    const refused = await options(limited.token);
    assert.equal(refused.status, 429);
    assert.equal(refused.json.errorCode, 'too_many_requests');
    assert.equal((await options(other.token)).status, 200, 'other users are not affected');
    t.advance(61);
    try {
      assert.equal((await options(limited.token)).status, 200);
    } finally {
      t.advance(-61);
    }
  });

  it('injects a real HTTP failure for one user and counts requests per user', async () => {
    const track = await t.server.track({ userId: 'faulty-user', action: 'enroll-passkey' });
    t.emulator.injectFault({ userId: 'faulty-user', status: 500, count: 1 });
    const failed = await t.client(
      '/client/user-authenticators/passkey/registration-options',
      {},
      { token: track.token },
    );
    assert.equal(failed.status, 500);
    assert.equal(failed.json.error, 'internal_error');
    const next = await t.client('/client/user-authenticators/passkey/registration-options', {}, { token: track.token });
    assert.equal(next.status, 200);
    assert.deepEqual(
      t.emulator.requestsOf('faulty-user').map((r) => r.path),
      [
        '/v1/client/user-authenticators/passkey/registration-options',
        '/v1/client/user-authenticators/passkey/registration-options',
      ],
    );
  });
});
