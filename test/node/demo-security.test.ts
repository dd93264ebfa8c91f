import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startDemoServer, type RunningDemo } from '../../demo/server/demo-server.js';
import { BankStore } from '../../demo/server/bank-store.js';
import { PasswordHasher } from '../../demo/server/password-hasher.js';
import { SoftAuthenticator } from '../../emulator/test/support/soft-authenticator.js';
import { DemoClient } from './support/demo-client.js';

const CHEAP_HASHER = new PasswordHasher({ N: 2 ** 10, r: 8, p: 1 });

/**
 * The keys to the account, guarded like the money: the attack of issue 22 (a customer's password
 * and nothing else) at every step it has, and the rule that stops it.
 */
describe('demo bank: adding and removing ways to confirm', () => {
  let demo: RunningDemo;
  let users = 0;
  const name = (prefix = 'sec') => `${prefix}${++users}`;
  const PASSWORD = 'the customer password';

  before(async () => {
    demo = await startDemoServer({ port: 0, host: '127.0.0.1', signInsPerAddressPerMinute: 1000 }, CHEAP_HASHER);
  });
  after(() => demo.close());

  /** A customer with a passkey on their own device (their first way to confirm, added right after sign-up). */
  const customer = async () => {
    const owner = new DemoClient(demo.url);
    const username = name();
    assert.equal((await owner.signIn(username, PASSWORD, `${username}@example.com`)).status, 201);
    assert.equal((await owner.enrollPasskey()).data.isValid, true);
    return { owner, username };
  };
  const authenticators = async (client: DemoClient) =>
    (await client.request('GET', '/api/authenticators')).data as unknown as {
      id: string;
      method: string;
      label: string;
    }[];

  it('a stolen password adds no app, phone, email or passkey, removes nothing, and so passes no step-up', async () => {
    const { owner, username } = await customer();
    const before = await authenticators(owner);
    // The attacker: the password, another browser, their own authenticator.
    const attacker = new DemoClient(demo.url, new SoftAuthenticator('localhost', demo.url));
    assert.equal((await attacker.signIn(username, PASSWORD)).status, 200);

    // The old way in is gone; <passkey-enroll>'s token-url gives an enrolled account nothing.
    assert.equal((await attacker.request('POST', '/api/authenticators/token', {})).status, 404);
    const enroll = await attacker.request('POST', '/api/passkey/enroll');
    assert.deepEqual([enroll.status, enroll.data.error, enroll.data.token], [403, 'step_up_required', undefined]);

    // Every add starts, but its token is a step-up's: it cannot add anything by itself.
    const tries: [string, string, unknown][] = [
      ['AUTHENTICATOR_APP', '/client/user-authenticators/totp', {}],
      ['SMS', '/client/user-authenticators/sms', { phoneNumber: '+64270009999' }],
      ['EMAIL_OTP', '/client/user-authenticators/email-otp', { email: 'attacker@example.com' }],
      ['PASSKEY', '/client/user-authenticators/passkey/registration-options', { username }],
    ];
    for (const [method, path, body] of tries) {
      const start = await attacker.startChange({ change: 'add', method });
      assert.equal(start.status, 201, method);
      assert.equal(start.data.stepUp, true, method);
      assert.deepEqual(start.data.methods, ['PASSKEY'], `${method}: only what the account already has`);
      const added = await attacker.api(path, start.data.token, body);
      assert.equal(added.errorCode, 'insufficient_scope', `${method}: ${JSON.stringify(added)}`);
      // Nor does the bank take the step-up's own token as done.
      const complete = await attacker.request('POST', `/api/security/changes/${start.data.id}`, {
        token: start.data.token,
      });
      assert.deepEqual([complete.status, complete.data.error], [403, 'verification_failed'], method);
    }

    // Removal: the old route is gone, and a change needs the step-up the attacker cannot pass.
    const passkeyId = before.find((a) => a.method === 'PASSKEY')!.id;
    assert.equal((await attacker.request('DELETE', `/api/passkeys/${passkeyId}`)).status, 404);
    const removal = await attacker.startChange({ change: 'remove', authenticatorId: passkeyId });
    assert.equal(removal.status, 409, 'the only way to confirm is never removed');
    assert.equal(removal.data.error, 'last_authenticator');
    // The attacker's own passkey is not the customer's: the step-up fails at the API.
    await assert.rejects(attacker.stepUp((await attacker.startChange({ change: 'add', method: 'SMS' })).data.token));

    // So a $9,000 transfer from the attacker's browser waits for the customer's own passkey (a new
    // device, whatever the amount), $20,000 is refused outright, and nothing moved.
    const transfer = await attacker.request('POST', '/api/transfers', { recipient: 'Mallory', amount: 9000 });
    assert.equal(transfer.status, 202);
    assert.deepEqual(transfer.data.methods, ['PASSKEY']);
    assert.equal(transfer.data.reason, 'New device');
    const blocked = await attacker.request('POST', '/api/transfers', { recipient: 'Mallory', amount: 20000 });
    assert.deepEqual([blocked.status, blocked.data.error], [403, 'transfer_blocked']);
    const confirm = await attacker.request('POST', `/api/transfers/${transfer.data.id}/confirm`, {
      token: transfer.data.token,
    });
    assert.equal(confirm.status, 403);
    assert.equal((await attacker.request('GET', '/api/account')).data.balance, 25000);
    assert.deepEqual(await authenticators(owner), before);
    assert.deepEqual((await owner.request('GET', '/api/security/activity')).data.length, 1, 'only the first passkey');
  });

  it('adding a phone to an account with a passkey asks for that passkey, then the code sent to the new phone', async () => {
    const { owner } = await customer();
    const added = await owner.addContact('SMS', '+64 27 555 0101');
    assert.equal(added.status, 200, JSON.stringify(added.data));
    assert.deepEqual(
      { ...added.data, authenticatorId: typeof added.data.authenticatorId },
      { done: true, kind: 'added', method: 'SMS', authenticatorId: 'string' },
    );
    assert.deepEqual(
      (await authenticators(owner)).map((a) => [a.method, a.method === 'SMS' ? a.label : '']),
      [
        ['PASSKEY', ''],
        ['SMS', '+64275550101'],
      ],
    );
    // A transfer can now be confirmed by either.
    const transfer = await owner.request('POST', '/api/transfers', { recipient: 'Bob', amount: 6000 });
    assert.deepEqual(transfer.data.methods, ['PASSKEY', 'SMS']);
  });

  it('binds each step-up to its own change: another change, a transfer, a second use and a mismatched method are refused', async () => {
    const { owner } = await customer();
    const first = await owner.startChange({ change: 'add', method: 'EMAIL_OTP' });
    const second = await owner.startChange({ change: 'add', method: 'EMAIL_OTP' });
    const firstToken = await owner.stepUp(first.data.token);
    const swapped = await owner.request('POST', `/api/security/changes/${second.data.id}`, { token: firstToken });
    assert.deepEqual([swapped.status, swapped.data.error], [403, 'verification_failed']);
    // A transfer's step-up is not a change's.
    const transfer = await owner.request('POST', '/api/transfers', { recipient: 'Bob', amount: 6000 });
    const transferToken = await owner.stepUp(transfer.data.token);
    const wrongAction = await owner.request('POST', `/api/security/changes/${first.data.id}`, { token: transferToken });
    assert.deepEqual([wrongAction.status, wrongAction.data.error], [403, 'verification_failed']);

    // The change said "email"; a phone added with its token does not stay.
    const mismatch = await owner.addContactWith(first.data.id, firstToken, 'SMS', '+64270001111');
    assert.deepEqual([mismatch.status, mismatch.data.error], [403, 'verification_failed']);
    assert.deepEqual(
      (await authenticators(owner)).map((a) => a.method),
      ['PASSKEY'],
    );

    // Used once: the same removal completes once, even when asked twice at the same moment.
    await owner.addContact('EMAIL_OTP', 'second@example.com');
    const passkeyId = (await authenticators(owner)).find((a) => a.method === 'PASSKEY')!.id;
    const removal = await owner.startChange({ change: 'remove', authenticatorId: passkeyId });
    const token = await owner.stepUp(removal.data.token);
    const results = await Promise.all(
      [1, 2, 3].map(() => owner.request('POST', `/api/security/changes/${removal.data.id}`, { token })),
    );
    assert.deepEqual(results.map((r) => r.status).sort(), [200, 409, 409], JSON.stringify(results.map((r) => r.data)));
    assert.deepEqual(
      (await authenticators(owner)).map((a) => a.method),
      ['EMAIL_OTP'],
    );
  });

  it('never removes the last way to confirm; a removal confirmed by another method leaves the rest', async () => {
    const { owner } = await customer();
    assert.equal((await owner.addContact('EMAIL_OTP', 'keep@example.com')).status, 200);
    const [passkey, email] = await authenticators(owner);
    // The passkey goes, confirmed by the email code.
    const removed = await owner.removeAuthenticator(passkey!.id, (token) => owner.emailStepUp(token));
    assert.equal(removed.status, 200, JSON.stringify(removed.data));
    assert.deepEqual(
      (await authenticators(owner)).map((a) => a.id),
      [email!.id],
    );
    const last = await owner.startChange({ change: 'remove', authenticatorId: email!.id });
    assert.deepEqual([last.status, last.data.error], [409, 'last_authenticator']);
    // Someone else's authenticator is not found on this account.
    const other = await customer();
    const foreign = await other.owner.startChange({ change: 'remove', authenticatorId: email!.id });
    assert.equal(foreign.status, 404);
  });

  it('counts the sign-up email only once a code proved it: a stranger’s address confirms nothing', async () => {
    const client = new DemoClient(demo.url);
    assert.equal((await client.signIn(name(), PASSWORD, 'stranger@example.com')).status, 201);
    assert.deepEqual(await authenticators(client), [], 'typing an address proves nothing');
    const transfer = await client.request('POST', '/api/transfers', { recipient: 'Bob', amount: 7500 });
    assert.deepEqual([transfer.status, transfer.data.error], [409, 'passkey_required']);
    assert.deepEqual(demo.emulator!.outbox('stranger@example.com'), []);
    // The first way to confirm needs no step-up (there is nothing to confirm with), and only then.
    const added = await client.addContact('EMAIL_OTP', 'stranger@example.com');
    assert.equal(added.status, 200);
    const next = await client.startChange({ change: 'add', method: 'SMS' });
    assert.equal(next.data.stepUp, true);
    assert.deepEqual(next.data.methods, ['EMAIL_OTP']);
    const stepUpTransfer = await client.request('POST', '/api/transfers', { recipient: 'Bob', amount: 7500 });
    assert.deepEqual(stepUpTransfer.data.methods, ['EMAIL_OTP']);
  });

  it('a first-authenticator change completed after the owner enrolled is refused, and what it added goes', async () => {
    const username = name();
    const owner = new DemoClient(demo.url);
    assert.equal((await owner.signIn(username, PASSWORD)).status, 201);
    // The thief signs in before the owner has any way to confirm: the bank hands out an add token.
    const attacker = new DemoClient(demo.url, new SoftAuthenticator('localhost', demo.url));
    await attacker.signIn(username, PASSWORD);
    const start = await attacker.startChange({ change: 'add', method: 'SMS' });
    assert.equal(start.data.stepUp, false);
    // The owner adds their passkey meanwhile.
    assert.equal((await owner.enrollPasskey()).data.isValid, true);
    // The thief's token still adds at the API (addContactWith throws if it does not), but the bank does not keep it.
    const done = await attacker.addContactWith(start.data.id, start.data.token, 'SMS', '+64270008888');
    assert.deepEqual([done.status, done.data.error], [403, 'step_up_required']);
    assert.deepEqual(
      (await authenticators(owner)).map((a) => a.method),
      ['PASSKEY'],
    );
  });

  it('shows each account the codes sent for its own actions only, even to an address another account typed', async () => {
    const alice = new DemoClient(demo.url);
    await alice.signIn(name('alice'), PASSWORD);
    const shared = `shared${users}@example.com`;
    await alice.addContact('EMAIL_OTP', shared);
    // Bob signs up with Alice's address.
    const bob = new DemoClient(demo.url);
    await bob.signIn(name('bob'), PASSWORD, shared);
    const transfer = await alice.request('POST', '/api/transfers', { recipient: 'Eve', amount: 5001 });
    await alice.emailStepUp(transfer.data.token);
    assert.equal((await alice.request('GET', '/api/dev/inbox')).data.length, 2);
    assert.deepEqual((await bob.request('GET', '/api/dev/inbox')).data, []);
  });

  it('lists the account’s security activity newest first: what, which method confirmed it, when, which browser', async () => {
    const { owner } = await customer();
    await owner.addContact('SMS', '+64 27 555 0102');
    const phone = (await authenticators(owner)).find((a) => a.method === 'SMS')!;
    await owner.removeAuthenticator(phone.id);
    const activity = (await owner.request('GET', '/api/security/activity')).data as unknown as Record<
      string,
      unknown
    >[];
    assert.deepEqual(
      activity.map(({ kind, method, label, confirmedBy }) => [kind, method, label, confirmedBy]),
      [
        ['removed', 'SMS', '+64275550102', 'PASSKEY'],
        ['added', 'SMS', '+64275550102', 'PASSKEY'],
        ['added', 'PASSKEY', 'Passkey', null],
      ],
    );
    for (const event of activity) {
      assert.match(String(event.at), /^\d{4}-\d\d-\d\dT/);
      assert.equal(typeof event.userAgent, 'string');
      assert.equal(Object.hasOwn(event, 'accountId'), false);
    }
  });

  it('refuses changes that are not: an unknown method or kind, no authenticator named, no token', async () => {
    const { owner } = await customer();
    for (const body of [{ change: 'add', method: 'PIGEON' }, { change: 'swap' }, { change: 'remove' }, {}]) {
      const r = await owner.request('POST', '/api/security/changes', body);
      assert.equal(r.status, 400, JSON.stringify(body));
    }
    const start = await owner.startChange({ change: 'add', method: 'SMS' });
    for (const body of [{}, { token: '' }, { token: 7 }]) {
      const r = await owner.request('POST', `/api/security/changes/${start.data.id}`, body);
      assert.equal(r.status, 400, JSON.stringify(body));
    }
    assert.equal((await owner.request('POST', '/api/security/changes/nope', { token: 'x' })).status, 404);
    assert.equal((await new DemoClient(demo.url).startChange({ change: 'add', method: 'SMS' })).status, 401);
  });
});

describe('bank store: a change is used once, within its time', () => {
  it('answers used, then already-used; expired after the limit; unknown for another account', () => {
    const store = new BankStore();
    const change = {
      id: 'c1',
      accountId: 'a1',
      kind: 'remove' as const,
      method: 'SMS' as const,
      stepUp: true,
      createdAt: 1_000_000,
    };
    store.addChange(change);
    store.addChange({ ...change, id: 'c2' });
    assert.equal(store.useChange('a2', 'c1', 300_000, 1_000_001), 'unknown');
    assert.equal(store.useChange('a1', '__proto__', 300_000, 1_000_001), 'unknown');
    assert.equal(store.useChange('a1', 'c1', 300_000, 1_000_001), 'used');
    assert.equal(store.useChange('a1', 'c1', 300_000, 1_000_002), 'already-used');
    assert.equal(store.useChange('a1', 'c2', 300_000, 1_300_001), 'expired');
  });
});
