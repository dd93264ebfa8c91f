import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startDemoServer, type RunningDemo } from '../../demo/server/demo-server.js';
import { PasswordHasher } from '../../demo/server/password-hasher.js';
import { DemoClient } from './support/demo-client.js';
import { rawRequest } from './support/raw-http.js';

// Dozens of sign-ups: scrypt at a lower cost here; password-hasher.test.ts covers the real one.
const CHEAP_HASHER = new PasswordHasher({ N: 2 ** 10, r: 8, p: 1 });

describe('demo bank backend', () => {
  const dir = mkdtempSync(join(tmpdir(), 'demo-api-'));
  let demo: RunningDemo;
  let users = 0;
  const fresh = async (enroll = false) => {
    const client = new DemoClient(demo.url);
    const signIn = await client.signIn(`user${++users}`);
    assert.equal(signIn.status, 201);
    if (enroll) assert.equal((await client.enrollPasskey()).data.isValid, true);
    return client;
  };
  const balance = async (client: DemoClient) => (await client.request('GET', '/api/account')).data.balance as number;

  before(async () => {
    // No confirmation limit here, so that 50 concurrent confirmations all reach the check.
    demo = await startDemoServer(
      { port: 0, host: '127.0.0.1', dataDir: dir, confirmsPerMinute: 1000, signInsPerAddressPerMinute: 1000 },
      CHEAP_HASHER,
    );
  });
  after(async () => {
    await demo.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('signs in: a new username creates an account with $25,000 and an HttpOnly, SameSite=Lax session', async () => {
    const client = new DemoClient(demo.url);
    const first = await client.signIn('ada');
    assert.equal(first.status, 201);
    assert.deepEqual(first.data, { username: 'ada', created: true });
    const cookie = first.headers.get('set-cookie')!;
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    const account = (await client.request('GET', '/api/account')).data;
    assert.match(account.userId, /^[0-9a-f-]{36}$/);
    assert.deepEqual(account, { userId: account.userId, username: 'ada', balance: 25000, transfers: [] });
    const again = await new DemoClient(demo.url).signIn('ada');
    assert.equal(again.status, 200);
    const wrong = await new DemoClient(demo.url).signIn('ada', 'not the password');
    assert.equal(wrong.status, 401);
    assert.equal(wrong.data.error, 'invalid_credentials');
  });

  it('refuses bad sign-in input and a missing session', async () => {
    const client = new DemoClient(demo.url);
    assert.equal(
      (await client.request('POST', '/api/session', { username: 'a', password: 'long enough' })).status,
      400,
    );
    assert.equal((await client.request('POST', '/api/session', { username: 'bob', password: 'short' })).status, 400);
    const anonymous = await client.request('GET', '/api/account');
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.data.error, 'not_signed_in');
    assert.equal((await client.request('POST', '/api/transfers', { recipient: 'x', amount: 1 })).status, 401);
    assert.equal((await client.request('POST', '/api/passkey/enroll')).status, 401);
  });

  it('signs out: the session is gone', async () => {
    const client = await fresh();
    assert.equal((await client.request('DELETE', '/api/session')).status, 200);
    assert.equal((await client.request('GET', '/api/account')).status, 401);
  });

  it('refuses cross-site and non-JSON requests, changing nothing', async () => {
    const client = await fresh();
    const form = await client.request('POST', '/api/transfers', 'recipient=x&amount=1', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    assert.equal(form.status, 415);
    const foreign = await client.request(
      'POST',
      '/api/transfers',
      { recipient: 'x', amount: 1 },
      { origin: 'https://evil.example' },
    );
    assert.equal(foreign.status, 403);
    assert.equal(foreign.data.error, 'cross_origin');
    const crossSite = await client.request(
      'POST',
      '/api/transfers',
      { recipient: 'x', amount: 1 },
      { 'sec-fetch-site': 'cross-site' },
    );
    assert.equal(crossSite.status, 403);
    const account = (await client.request('GET', '/api/account')).data;
    assert.equal(account.balance, 25000);
    assert.deepEqual(account.transfers, []);
  });

  it('refuses bad transfers with a clear 4xx and changes nothing', async () => {
    const client = await fresh();
    const cases: [unknown, unknown, string][] = [
      ['Bob', 0, 'invalid_amount'],
      ['Bob', -5, 'invalid_amount'],
      ['Bob', 10.123, 'invalid_amount'],
      // Within a millionth of a cent of $0.00: more than zero, but nothing to send.
      ['Bob', 0.000000001, 'invalid_amount'],
      // Invisible format characters (Unicode Cf): a zero-width space, a right-to-left override.
      ['Bo\u200bb', 10, 'invalid_recipient'],
      ['\u202eboB', 10, 'invalid_recipient'],
      ['Bob\u2066', 10, 'invalid_recipient'],
      ['Bob\u0085', 10, 'invalid_recipient'],
      ['Bob', '50', 'invalid_amount'],
      ['Bob', 30000, 'insufficient_funds'],
      ['Bob', 100000.01, 'amount_too_large'],
      ['', 10, 'invalid_recipient'],
      ['   ', 10, 'invalid_recipient'],
      ['x'.repeat(65), 10, 'invalid_recipient'],
      [42, 10, 'invalid_recipient'],
    ];
    for (const [recipient, amount, error] of cases) {
      const r = await client.request('POST', '/api/transfers', { recipient, amount });
      assert.equal(r.status, 400, `${JSON.stringify([recipient, amount])}`);
      assert.equal(r.data.error, error);
      assert.equal(typeof r.data.message, 'string');
    }
    const broken = await client.request('POST', '/api/transfers', '{"recipient":');
    assert.equal(broken.status, 400);
    assert.equal(broken.data.error, 'invalid_json');
    const account = (await client.request('GET', '/api/account')).data;
    assert.equal(account.balance, 25000);
    assert.equal(account.transfers.length, 0);
  });

  it('stores a recipient name in NFC: the same name typed two ways is one name', async () => {
    const client = await fresh();
    const r = await client.request('POST', '/api/transfers', { recipient: ' Zoe\u0301 ', amount: 10 });
    assert.equal(r.status, 201);
    const [transfer] = (await client.request('GET', '/api/account')).data.transfers;
    assert.equal(transfer.recipient, 'Zo\u00e9');
  });

  it('refuses a page whose DNS name was rebound to the bank: its Origin agrees with its Host, not with the bank', async () => {
    const client = await fresh();
    const port = Number(new URL(demo.url).port);
    // fetch() writes its own Host: the request is sent as the rebinding page's browser sends it.
    const body = JSON.stringify({ recipient: 'Mallory', amount: 100 });
    const rebound = await rawRequest(
      port,
      [
        'POST /api/transfers HTTP/1.1',
        `Host: evil.example:${port}`,
        `Origin: http://evil.example:${port}`,
        `Cookie: ${client.sessionCookie}`,
        'Content-Type: application/json',
        `Content-Length: ${Buffer.byteLength(body)}`,
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    );
    assert.deepEqual([rebound.status, rebound.json?.error], [403, 'cross_origin']);
    assert.equal(await balance(client), 25000);
  });

  it('limits sign-ins and sign-ups per client address, whatever the usernames', async () => {
    const limited = await startDemoServer({ port: 0, host: '127.0.0.1', signInsPerAddressPerMinute: 3 }, CHEAP_HASHER);
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await new DemoClient(limited.url).signIn(`spray${i}`)).status);
      assert.deepEqual(statuses, [201, 201, 201, 429, 429]);
    } finally {
      await limited.close();
    }
  });

  it('sends up to $5,000 in 24 hours from an account with no way to confirm, and not a cent split past it', async () => {
    const client = await fresh();
    const r = await client.request('POST', '/api/transfers', { recipient: 'Bob', amount: 4950 });
    assert.equal(r.status, 201);
    assert.equal(r.data.status, 'executed');
    assert.equal(r.data.balance, 20050);
    const small = await client.request('POST', '/api/transfers', { recipient: 'Carol', amount: 49.99 });
    assert.equal(small.data.balance, 20000.01);
    const over = await client.request('POST', '/api/transfers', { recipient: 'Carol', amount: 0.02 });
    assert.deepEqual([over.status, over.data.error, over.data.offerEnrollment], [409, 'passkey_required', true]);
    assert.equal(await balance(client), 20000.01);
    assert.equal((await client.request('GET', '/api/account')).data.transfers.length, 2);
  });

  it('tells a user without a passkey to enroll before a large transfer, and records nothing', async () => {
    const client = await fresh();
    const r = await client.request('POST', '/api/transfers', { recipient: 'Bob', amount: 7500 });
    assert.equal(r.status, 409);
    assert.equal(r.data.error, 'passkey_required');
    assert.equal(r.data.offerEnrollment, true);
    assert.equal((await client.request('GET', '/api/account')).data.transfers.length, 0);
  });

  it('enrolls and lists passkeys, and removes only its own, behind a step-up', async () => {
    const client = await fresh(true);
    const passkeys = (await client.request('GET', '/api/passkeys')).data as { id: string }[];
    assert.equal(passkeys.length, 1);
    const other = await fresh(true);
    const notMine = await other.startChange({ change: 'remove', authenticatorId: passkeys[0]!.id });
    assert.equal(notMine.status, 404);
    assert.equal((await client.request('GET', '/api/passkeys')).data.length, 1);
    await client.addContact('SMS', '+64 27 555 0199');
    assert.equal((await client.removeAuthenticator(passkeys[0]!.id)).status, 200);
    assert.deepEqual((await client.request('GET', '/api/passkeys')).data, []);
  });

  it('refuses an enrollment token of another user', async () => {
    const alice = await fresh();
    const bob = await fresh();
    const { data } = await alice.request('POST', '/api/passkey/enroll');
    const r = await bob.request('POST', '/api/passkey/validate', { token: data.token });
    assert.equal(r.status, 403);
    assert.equal(r.data.isValid, false);
  });

  it('executes a large transfer only after a passkey step-up bound to it, exactly once', async () => {
    const client = await fresh(true);
    const created = await client.request('POST', '/api/transfers', { recipient: 'Bob', amount: 7500 });
    assert.equal(created.status, 202);
    assert.equal(created.data.status, 'pending');
    assert.equal(created.data.requiresVerification, true);
    assert.equal(await balance(client), 25000, 'nothing leaves before the step-up');

    const unverified = await client.request('POST', `/api/transfers/${created.data.id}/confirm`, {
      token: created.data.token,
    });
    assert.equal(unverified.status, 403, 'the track token alone is not a confirmation');

    const token = await client.stepUp(created.data.token);
    const confirmed = await client.request('POST', `/api/transfers/${created.data.id}/confirm`, { token });
    assert.equal(confirmed.status, 200);
    assert.equal(confirmed.data.status, 'executed');
    assert.equal(confirmed.data.balance, 17500);
    const again = await client.request('POST', `/api/transfers/${created.data.id}/confirm`, { token });
    assert.equal(again.status, 409);
    assert.equal(await balance(client), 17500);
  });

  it('refuses a confirmation won for another transfer, leaving this one pending', async () => {
    const client = await fresh(true);
    const first = await client.request('POST', '/api/transfers', { recipient: 'Bob', amount: 6000 });
    const second = await client.request('POST', '/api/transfers', { recipient: 'Mallory', amount: 9000 });
    const tokenForFirst = await client.stepUp(first.data.token);
    const swapped = await client.request('POST', `/api/transfers/${second.data.id}/confirm`, { token: tokenForFirst });
    assert.equal(swapped.status, 403);
    assert.equal(swapped.data.error, 'verification_failed');
    const transfers = (await client.request('GET', '/api/account')).data.transfers as { id: string; status: string }[];
    assert.equal(transfers.find((t) => t.id === second.data.id)!.status, 'pending');
    assert.equal(await balance(client), 25000);
  });

  it("refuses another user's confirmation token", async () => {
    const alice = await fresh(true);
    const bob = await fresh(true);
    const aliceTransfer = await alice.request('POST', '/api/transfers', { recipient: 'Bob', amount: 6000 });
    const aliceToken = await alice.stepUp(aliceTransfer.data.token);
    const bobTransfer = await bob.request('POST', '/api/transfers', { recipient: 'Eve', amount: 6000 });
    const r = await bob.request('POST', `/api/transfers/${bobTransfer.data.id}/confirm`, { token: aliceToken });
    assert.equal(r.status, 403);
    const notHers = await bob.request('POST', `/api/transfers/${aliceTransfer.data.id}/confirm`, { token: aliceToken });
    assert.equal(notHers.status, 404);
  });

  it('executes a transfer once under 50 concurrent confirmations with the same valid token', async () => {
    const client = await fresh(true);
    const created = await client.request('POST', '/api/transfers', { recipient: 'Bob', amount: 8000 });
    const token = await client.stepUp(created.data.token);
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        fetch(`${demo.url}/api/transfers/${created.data.id}/confirm`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: (client as any).cookie },
          body: JSON.stringify({ token }),
        }).then((r) => r.status),
      ),
    );
    assert.equal(results.filter((s) => s === 200).length, 1, `statuses: ${results.join(',')}`);
    assert.ok(
      results.every((s) => s === 200 || s === 409),
      `statuses: ${results.join(',')}`,
    );
    assert.equal(await balance(client), 17000);
    const transfers = (await client.request('GET', '/api/account')).data.transfers;
    assert.equal(transfers.filter((t: { status: string }) => t.status === 'executed').length, 1);
  });

  it('limits confirmation attempts', async () => {
    const limited = await startDemoServer({ port: 0, host: '127.0.0.1' }, CHEAP_HASHER);
    const client = new DemoClient(limited.url);
    await client.signIn('limited');
    await client.enrollPasskey();
    const created = await client.request('POST', '/api/transfers', { recipient: 'Bob', amount: 6000 });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push(
        (await client.request('POST', `/api/transfers/${created.data.id}/confirm`, { token: 'forged' })).status,
      );
    }
    assert.deepEqual(statuses.slice(0, 10), Array(10).fill(403));
    assert.deepEqual(statuses.slice(10), [429, 429]);
    await limited.close();
  });

  it('gives a fresh token for a pending transfer, bound to the same transfer', async () => {
    const client = await fresh(true);
    const created = await client.request('POST', '/api/transfers', { recipient: 'Bob', amount: 6000 });
    const again = await client.request('POST', `/api/transfers/${created.data.id}/challenge`);
    assert.equal(again.status, 200);
    const token = await client.stepUp(again.data.token);
    assert.equal((await client.request('POST', `/api/transfers/${created.data.id}/confirm`, { token })).status, 200);
    assert.equal((await client.request('POST', `/api/transfers/${created.data.id}/challenge`)).status, 409);
  });

  it('adds the sign-up email once a code proves it, and a large transfer confirms by email code, once', async () => {
    const client = new DemoClient(demo.url);
    const signIn = await client.signIn(`mail${++users}`, undefined, ' Grace@Example.com ');
    assert.equal(signIn.status, 201);
    assert.equal((await client.request('GET', '/api/account')).data.email, 'grace@example.com');
    assert.equal((await client.addContact('EMAIL_OTP', 'grace@example.com')).status, 200);
    const methods = (await client.request('GET', '/api/authenticators')).data;
    assert.deepEqual(
      methods.map((m: { method: string; label: string }) => [m.method, m.label]),
      [['EMAIL_OTP', 'grace@example.com']],
    );
    const created = await client.request('POST', '/api/transfers', { recipient: 'Bob', amount: 7500 });
    assert.equal(created.status, 202);
    assert.deepEqual(created.data.methods, ['EMAIL_OTP'], 'no passkey yet: the email code');
    const token = await client.emailStepUp(created.data.token);
    const confirmed = await client.request('POST', `/api/transfers/${created.data.id}/confirm`, { token });
    assert.equal(confirmed.status, 200);
    assert.equal(confirmed.data.balance, 17500);
    assert.equal((await client.request('POST', `/api/transfers/${created.data.id}/confirm`, { token })).status, 409);
    // With a passkey too (added behind the email code), both are offered, the passkey first.
    const start = await client.startChange({ change: 'add', method: 'PASSKEY' });
    const stepUpToken = await client.emailStepUp(start.data.token);
    const options = await client.api('/client/user-authenticators/passkey/registration-options', stepUpToken, {});
    const added = await client.api('/client/user-authenticators/passkey', stepUpToken, {
      registrationCredential: client.authenticator.register(options.options),
      challengeId: options.challengeId,
    });
    const done = await client.request('POST', `/api/security/changes/${start.data.id}`, {
      token: added.accessToken,
      userAuthenticatorId: added.userAuthenticatorId,
    });
    assert.equal(done.status, 200, JSON.stringify(done.data));
    const next = await client.request('POST', '/api/transfers', { recipient: 'Carol', amount: 6000 });
    assert.deepEqual(next.data.methods, ['PASSKEY', 'EMAIL_OTP']);
    const again = await client.request('POST', `/api/transfers/${next.data.id}/challenge`);
    assert.deepEqual(again.data.methods, ['PASSKEY', 'EMAIL_OTP']);
  });

  it('keeps each Dev inbox to its own account, and refuses a bad email address', async () => {
    const alice = new DemoClient(demo.url);
    await alice.signIn(`alice${++users}`, undefined, `alice${users}@example.com`);
    await alice.addContact('EMAIL_OTP', `alice${users}@example.com`);
    const bob = new DemoClient(demo.url);
    await bob.signIn(`bob${++users}`, undefined, `bob${users}@example.com`);
    const transfer = await alice.request('POST', '/api/transfers', { recipient: 'Eve', amount: 5001 });
    await alice.emailStepUp(transfer.data.token);
    assert.equal((await alice.request('GET', '/api/dev/inbox')).data.length, 2);
    assert.deepEqual((await bob.request('GET', '/api/dev/inbox')).data, []);
    assert.equal((await new DemoClient(demo.url).request('GET', '/api/dev/inbox')).status, 401);

    const badEmail = await new DemoClient(demo.url).signIn(`carol${++users}`, undefined, 'not-an-address');
    assert.equal(badEmail.status, 400);
    assert.equal(badEmail.data.error, 'invalid_email');
  });

  it('signs in with a passkey: the user the validated token names, once per sign-in, never one from the browser', async () => {
    const owner = await fresh(true);
    const { userId } = (await owner.request('GET', '/api/account')).data;
    await owner.request('DELETE', '/api/session');
    // Another browser holding the same passkey (a synced one) signs in as its owner.
    const device = new DemoClient(demo.url, owner.authenticator);
    const token = await device.passkeySignInToken();
    const other = await fresh();
    const otherId = (await other.request('GET', '/api/account')).data.userId;
    const signedIn = await device.request('POST', '/api/session/passkey', { token, userId: otherId });
    assert.equal(signedIn.status, 200);
    assert.deepEqual(signedIn.data, { username: `user${users - 1}`, created: false });
    assert.match(signedIn.headers.get('set-cookie')!, /HttpOnly/);
    assert.equal((await device.request('GET', '/api/account')).data.userId, userId);
    // The same token again (a replay): refused, no new session.
    const replay = new DemoClient(demo.url);
    const again = await replay.request('POST', '/api/session/passkey', { token });
    assert.deepEqual([again.status, again.data.error], [409, 'already_used']);
    assert.equal(again.headers.get('set-cookie'), null);
    assert.equal((await replay.request('GET', '/api/account')).status, 401);
    // A new sign-in with the same passkey is a new sign-in.
    const next = await device.passkeySignInToken();
    assert.equal((await replay.request('POST', '/api/session/passkey', { token: next })).status, 200);
    // An idempotency key chosen by the page, even `__proto__`, is used once too.
    const chosen = await device.passkeySignInToken('__proto__');
    assert.equal(
      (await new DemoClient(demo.url).request('POST', '/api/session/passkey', { token: chosen })).status,
      200,
    );
    const reused = await new DemoClient(demo.url).request('POST', '/api/session/passkey', { token: chosen });
    assert.deepEqual([reused.status, reused.data.error], [409, 'already_used']);
  });

  it('refuses a passkey sign-in with a token of another action, a track token, or bad input', async () => {
    const client = await fresh(true);
    const created = await client.request('POST', '/api/transfers', { recipient: 'Bob', amount: 7500 });
    const stepUpToken = await client.stepUp(created.data.token);
    const outsider = new DemoClient(demo.url);
    for (const token of [stepUpToken, created.data.token, 'not-a-token']) {
      const r = await outsider.request('POST', '/api/session/passkey', { token });
      assert.deepEqual([r.status, r.data.error], [401, 'invalid_passkey'], token.slice(0, 12));
      assert.equal(r.headers.get('set-cookie'), null);
    }
    for (const body of [{}, { token: '' }, { token: 42 }, { token: 'x'.repeat(4097) }]) {
      const r = await outsider.request('POST', '/api/session/passkey', body);
      assert.deepEqual([r.status, r.data.error], [400, 'invalid_token'], JSON.stringify(body).slice(0, 40));
    }
    assert.equal((await outsider.request('GET', '/api/account')).status, 401);
  });

  it('serves the page with a strict Content-Security-Policy and the CDN bundle', async () => {
    const page = await fetch(`${demo.url}/`);
    assert.equal(page.status, 200);
    const csp = page.headers.get('content-security-policy')!;
    assert.match(csp, /default-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.match(await page.text(), /<script type="module" src="\/assets\/passkey-elements.js"><\/script>/);
    assert.equal((await fetch(`${demo.url}/assets/passkey-elements.js`)).status, 200);
    assert.equal((await fetch(`${demo.url}/../package.json`)).status, 404);
    assert.equal((await fetch(`${demo.url}/demo/server/demo-api.ts`)).status, 404);
  });
});
