import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BankStore } from '../../demo/server/bank-store.js';
import { startDemoServer, type RunningDemo } from '../../demo/server/demo-server.js';
import { PasswordHasher } from '../../demo/server/password-hasher.js';
import { DemoClient } from './support/demo-client.js';

const CHEAP_HASHER = new PasswordHasher({ N: 2 ** 10, r: 8, p: 1 });
const PASSWORD = 'correct horse battery';

describe('demo bank: the rules decide every transfer, password change and closure', () => {
  let demo: RunningDemo;
  let users = 0;

  before(async () => {
    demo = await startDemoServer(
      { port: 0, host: '127.0.0.1', confirmsPerMinute: 1000, signInsPerAddressPerMinute: 1000 },
      CHEAP_HASHER,
    );
  });
  after(() => demo.close());

  /** A customer with a passkey, added right after sign-up on this browser: their own device. */
  const customer = async () => {
    const client = new DemoClient(demo.url);
    const username = `rules${++users}`;
    assert.equal((await client.signIn(username, PASSWORD)).status, 201);
    assert.match(client.deviceId!, /^[0-9a-f-]{36}$/, 'the bank gives a new browser its device id');
    assert.equal((await client.enrollPasskey()).data.isValid, true);
    return { client, username };
  };
  const send = (client: DemoClient, recipient: string, amount: number) =>
    client.request('POST', '/api/transfers', { recipient, amount });
  const account = async (client: DemoClient) =>
    (await client.request('GET', '/api/account')).data as {
      balance: number;
      transfers: { id: string; recipient: string; amount: number; status: string }[];
    };

  it('$100 and $5,000 to a new recipient go; the next $5,000 and $2,000 to another need a step-up; $16,000 is blocked', async () => {
    const { client } = await customer();
    const first = await send(client, 'Bob', 100);
    assert.deepEqual([first.status, first.data.status], [201, 'executed'], 'new recipient, small');
    const second = await send(client, 'Bob', 5000);
    assert.deepEqual([second.status, second.data.status, second.data.balance], [201, 'executed', 19900]);
    const third = await send(client, 'Bob', 5000);
    assert.equal(third.status, 202, 'the 24-hour total is $10,100');
    assert.equal(third.data.reason, 'Over your daily total of $10,000');
    assert.deepEqual(third.data.methods, ['PASSKEY']);
    const carol = await send(client, 'Carol', 2000);
    assert.equal(carol.status, 202);
    assert.equal(carol.data.reason, 'New recipient');
    const blocked = await send(client, 'Dave', 16000);
    assert.equal(blocked.status, 403);
    assert.equal(blocked.data.error, 'transfer_blocked');
    assert.match(blocked.data.message, /Call us/);
    assert.equal(blocked.data.reason, 'Over $15,000: call us to send this');
    assert.equal(blocked.data.token, undefined);
    const after = await account(client);
    assert.equal(after.balance, 19900, 'the balance covered $16,000: the rule blocked it, not the funds');
    assert.deepEqual(
      after.transfers.map((t) => [t.recipient, t.amount, t.status]),
      [
        ['Carol', 2000, 'pending'],
        ['Bob', 5000, 'pending'],
        ['Bob', 5000, 'executed'],
        ['Bob', 100, 'executed'],
      ],
    );
    // The step-up confirms that transfer and no other.
    const token = await client.stepUp(carol.data.token);
    const wrong = await client.request('POST', `/api/transfers/${third.data.id}/confirm`, { token });
    assert.equal(wrong.status, 403);
    const right = await client.request('POST', `/api/transfers/${carol.data.id}/confirm`, { token });
    assert.deepEqual([right.status, right.data.balance], [200, 17900]);
    // A fresh token for a pending transfer keeps its reason.
    const again = await client.request('POST', `/api/transfers/${third.data.id}/challenge`);
    assert.equal(again.data.reason, 'Over your daily total of $10,000');
  });

  it('asks for a step-up on a new device, whatever the amount, until one succeeds there', async () => {
    const { client, username } = await customer();
    assert.equal((await send(client, 'Bob', 50)).status, 201);
    // The customer on a new laptop: their passkey syncs there, the device id is new.
    const laptop = new DemoClient(demo.url, client.authenticator);
    assert.equal((await laptop.signIn(username, PASSWORD)).status, 200);
    assert.notEqual(laptop.deviceId, client.deviceId);
    const small = await send(laptop, 'Bob', 50);
    assert.equal(small.status, 202);
    assert.equal(small.data.reason, 'New device');
    const token = await laptop.stepUp(small.data.token);
    assert.equal((await laptop.request('POST', `/api/transfers/${small.data.id}/confirm`, { token })).status, 200);
    assert.equal((await send(laptop, 'Bob', 50)).status, 201, 'known now');
    // No device id, or one the bank never gave: a new device, never a way around the rule.
    for (const deviceId of [undefined, 'not-a-device-id']) {
      laptop.deviceId = deviceId;
      const r = await send(laptop, 'Bob', 50);
      assert.deepEqual([r.status, r.data.reason], [202, 'New device'], String(deviceId));
    }
    // The original device is still known.
    assert.equal((await send(client, 'Bob', 50)).status, 201);
  });

  it('keeps the 24-hour total exact under 20 concurrent $600 transfers: none executes past $10,000 without a step-up', async () => {
    const { client } = await customer();
    assert.equal((await send(client, 'Erin', 100)).status, 201);
    const results = await Promise.all(Array.from({ length: 20 }, () => send(client, 'Erin', 600)));
    const statuses = results.map((r) => r.status);
    assert.equal(statuses.filter((s) => s === 201).length, 16, statuses.join(','));
    assert.equal(statuses.filter((s) => s === 202).length, 4, statuses.join(','));
    for (const r of results.filter((r) => r.status === 202))
      assert.equal(r.data.reason, 'Over your daily total of $10,000');
    const after = await account(client);
    const executed = after.transfers.filter((t) => t.status === 'executed').reduce((sum, t) => sum + t.amount, 0);
    assert.equal(executed, 9700);
    assert.equal(after.balance, 25000 - 9700);
  });

  it('a check that fails moves nothing: no transfer, the balance as it was', async () => {
    const { client } = await customer();
    demo.emulator!.setFaults({ fail: [{ path: /\/actions\/transfer$/, status: 503 }] });
    try {
      const r = await send(client, 'Bob', 50);
      assert.ok(r.status >= 500, String(r.status));
    } finally {
      demo.emulator!.setFaults({});
    }
    const after = await account(client);
    assert.deepEqual([after.balance, after.transfers.length], [25000, 0]);
  });

  it('changes the password only after a step-up bound to that change, once; other sessions end', async () => {
    const { client, username } = await customer();
    const elsewhere = new DemoClient(demo.url, client.authenticator);
    assert.equal((await elsewhere.signIn(username, PASSWORD)).status, 200);
    const wrong = await client.request('POST', '/api/account/password', {
      currentPassword: 'not the password',
      newPassword: 'a brand new password',
    });
    assert.deepEqual([wrong.status, wrong.data.error], [401, 'invalid_credentials']);
    const short = await client.request('POST', '/api/account/password', {
      currentPassword: PASSWORD,
      newPassword: 'short',
    });
    assert.equal(short.status, 400);
    const started = await client.request('POST', '/api/account/password', {
      currentPassword: PASSWORD,
      newPassword: 'a brand new password',
    });
    assert.equal(started.status, 202);
    assert.deepEqual(started.data.methods, ['PASSKEY']);
    const path = `/api/account/password/${started.data.id}`;
    assert.equal((await client.request('POST', path, { token: started.data.token })).status, 403, 'the track token');
    // A transfer's step-up is not this change's.
    const transfer = await send(client, 'Zed', 9000);
    const transferToken = await client.stepUp(transfer.data.token);
    assert.equal((await client.request('POST', path, { token: transferToken })).status, 403);
    assert.equal((await new DemoClient(demo.url).signIn(username, 'a brand new password')).status, 401, 'not yet');
    const token = await client.stepUp(started.data.token);
    const done = await client.request('POST', path, { token });
    assert.deepEqual([done.status, done.data.done], [200, true]);
    assert.deepEqual([(await client.request('POST', path, { token })).status], [409], 'used once');
    assert.equal((await new DemoClient(demo.url).signIn(username, PASSWORD)).status, 401);
    assert.equal((await new DemoClient(demo.url).signIn(username, 'a brand new password')).status, 200);
    assert.equal((await client.request('GET', '/api/account')).status, 200, 'this session stays');
    assert.equal((await elsewhere.request('GET', '/api/account')).status, 401, 'the others end');
  });

  it('a stolen password and session change neither the password nor close the account', async () => {
    const { client, username } = await customer();
    const attacker = new DemoClient(demo.url);
    assert.equal((await attacker.signIn(username, PASSWORD)).status, 200);
    const password = await attacker.request('POST', '/api/account/password', {
      currentPassword: PASSWORD,
      newPassword: 'the attacker password',
    });
    assert.equal(password.status, 202);
    await assert.rejects(attacker.stepUp(password.data.token), 'the attacker has no passkey of the customer');
    const close = await attacker.request('POST', '/api/account/close', { password: PASSWORD });
    assert.equal(close.status, 202);
    for (const [path, token] of [
      [`/api/account/password/${password.data.id}`, password.data.token],
      [`/api/account/close/${close.data.id}`, close.data.token],
      // Each change's own id with the other's token.
      [`/api/account/close/${password.data.id}`, password.data.token],
    ]) {
      assert.ok([403, 404].includes((await attacker.request('POST', path, { token })).status), path);
    }
    assert.equal((await new DemoClient(demo.url).signIn(username, PASSWORD)).status, 200);
    assert.equal((await client.request('GET', '/api/account')).status, 200);
  });

  it('closes the account after a step-up: sessions, history and passkeys go; the name is free again', async () => {
    const { client, username } = await customer();
    assert.equal((await send(client, 'Bob', 10)).status, 201);
    const wrong = await client.request('POST', '/api/account/close', { password: 'not the password' });
    assert.equal(wrong.status, 401);
    const started = await client.request('POST', '/api/account/close', { password: PASSWORD });
    assert.equal(started.status, 202);
    const token = await client.stepUp(started.data.token);
    const closed = await client.request('POST', `/api/account/close/${started.data.id}`, { token });
    assert.deepEqual([closed.status, closed.data.kind], [200, 'close']);
    assert.equal((await client.request('GET', '/api/account')).status, 401);
    await assert.rejects(client.passkeySignInToken(), 'its passkey was removed at Authsignal');
    const again = await new DemoClient(demo.url).signIn(username, 'another password entirely');
    assert.equal(again.status, 201, 'a new account');
  });

  it('an account with no way to confirm changes its password with the password alone', async () => {
    const client = new DemoClient(demo.url);
    const username = `rules${++users}`;
    await client.signIn(username, PASSWORD);
    const r = await client.request('POST', '/api/account/password', {
      currentPassword: PASSWORD,
      newPassword: 'a brand new password',
    });
    assert.deepEqual([r.status, r.data.done], [200, true]);
    assert.equal((await new DemoClient(demo.url).signIn(username, 'a brand new password')).status, 200);
  });
});

describe('bank store: a transfer being checked', () => {
  it('moves no money until decided, and is gone when the bank restarts before the rules decided', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bank-checking-'));
    try {
      const file = join(dir, 'bank.json');
      const store = new BankStore(file);
      const { account } = store.createAccount('ada', 'hash', 1000_00);
      const begun = store.beginTransfer(account.id, 'Bob', 400_00);
      assert.notEqual(begun, 'insufficient-funds');
      assert.equal(store.getAccount(account.id)!.balanceCents, 1000_00, 'nothing moved while checking');
      const second = store.beginTransfer(account.id, 'Bob', 700_00);
      assert.notEqual(second, 'insufficient-funds');
      assert.equal(store.beginTransfer(account.id, 'Bob', 1000_01), 'insufficient-funds');
      // Both allowed: the first debits, the second is no longer covered and goes.
      if (typeof begun === 'string' || typeof second === 'string') throw new Error('unreachable');
      assert.equal(store.settleTransfer(account.id, begun.transfer.id, 'executed'), 'settled');
      assert.equal(store.settleTransfer(account.id, second.transfer.id, 'executed'), 'insufficient-funds');
      assert.equal(store.getAccount(account.id)!.balanceCents, 600_00);
      const third = store.beginTransfer(account.id, 'Carol', 100_00);
      if (typeof third === 'string') throw new Error('unreachable');
      const reopened = new BankStore(file);
      assert.equal(reopened.getAccount(account.id)!.balanceCents, 600_00);
      assert.deepEqual(
        reopened.transfersOf(account.id).map((t) => [t.recipient, t.status]),
        [['Bob', 'executed']],
        'the one still checking is gone',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
