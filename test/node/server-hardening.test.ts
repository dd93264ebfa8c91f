import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it, mock } from 'node:test';
import { startDemoServer, type RunningDemo } from '../../demo/server/demo-server.js';
import { PasswordHasher } from '../../demo/server/password-hasher.js';
import { MAX_JSON_DEPTH } from '../../shared/json-body.js';
import { DemoClient } from './support/demo-client.js';
import { rawRequest } from './support/raw-http.js';
import { SECRET, TENANT, TestEmulator } from '../../emulator/test/support/test-emulator.js';

// Each test here failed before the fix it guards (issue 12).
const CHEAP_HASHER = new PasswordHasher({ N: 2 ** 10, r: 8, p: 1 });
const SERVER_AUTH = `Basic ${btoa(`${SECRET}:`)}`;

/** `{"a":{"a":…}}` nested `depth` containers deep (the outer object counts as one). */
const nested = (depth: number): string => '{"a":'.repeat(depth - 1) + '{}' + '}'.repeat(depth - 1);

const track = (t: TestEmulator, userId: string, body: string) =>
  fetch(`${t.emulator.url}/users/${userId}/actions/high-value-transfer`, {
    method: 'POST',
    headers: { authorization: SERVER_AUTH, 'content-type': 'application/json' },
    body,
  });

/** A pid that belonged to a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  return Number(child.stdout.trim());
}

describe('hardening: emulator', () => {
  const dir = mkdtempSync(join(tmpdir(), 'emulator-hardening-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it(`refuses a body nested deeper than ${MAX_JSON_DEPTH} levels with 400 invalid_request, and keeps writing`, async () => {
    const dataFile = join(dir, 'deep.json');
    const t = await TestEmulator.start({ dataFile });
    try {
      const deep = await track(t, 'deep-user', `{"idempotencyKey":"k-deep","custom":${nested(5000)}}`);
      assert.equal(deep.status, 400);
      assert.deepEqual(await deep.json(), {
        error: 'invalid_request',
        errorCode: 'invalid_request',
        errorDescription: `The request body is nested deeper than ${MAX_JSON_DEPTH} levels.`,
      });
      // One level over the limit is refused, the limit itself is accepted.
      assert.equal((await track(t, 'deep-user', nested(MAX_JSON_DEPTH + 1))).status, 400);
      const atLimit = await track(
        t,
        'deep-user',
        `{"idempotencyKey":"k-limit","custom":${nested(MAX_JSON_DEPTH - 1)}}`,
      );
      assert.equal(atLimit.status, 200);
      // Brackets inside strings are text, not nesting.
      const text = await track(
        t,
        'deep-user',
        JSON.stringify({ idempotencyKey: 'k-text', custom: { s: '['.repeat(100) } }),
      );
      assert.equal(text.status, 200);
      await t.server.track({
        userId: 'deep-user',
        action: 'high-value-transfer',
        attributes: { idempotencyKey: 'k-after' },
      });
    } finally {
      await t.close();
    }
    const again = await TestEmulator.start({ dataFile });
    try {
      for (const key of ['k-limit', 'k-text', 'k-after']) {
        const action = await again.server.getAction({
          userId: 'deep-user',
          action: 'high-value-transfer',
          idempotencyKey: key,
        });
        assert.equal(action?.state, 'ALLOW', `${key} reached the disk`);
      }
    } finally {
      await again.close();
    }
  });

  it('refuses a deeply nested body in memory mode too, and reads every stored action back', async () => {
    const t = await TestEmulator.start();
    try {
      assert.equal((await track(t, 'deep-memory', `{"idempotencyKey":"k1","custom":${nested(5000)}}`)).status, 400);
      await assert.rejects(
        () => t.server.getAction({ userId: 'deep-memory', action: 'high-value-transfer', idempotencyKey: 'k1' }),
        { statusCode: 404 },
      );
    } finally {
      await t.close();
    }
  });

  it('leaves memory and disk as they were when a write fails, and writes again once it can', async () => {
    const dataFile = join(dir, 'failing.json');
    const t = await TestEmulator.start({ dataFile });
    const blocker = `${dataFile}.${process.pid}.tmp`;
    try {
      await t.server.track({
        userId: 'w-user',
        action: 'high-value-transfer',
        attributes: { idempotencyKey: 'k-before' },
      });
      const before = readFileSync(dataFile, 'utf8');
      mkdirSync(blocker); // the temp file cannot be opened: the write fails
      const failed = await track(t, 'w-user', '{"idempotencyKey":"k-failed"}');
      assert.equal(failed.status, 500);
      assert.equal(((await failed.json()) as { error: string }).error, 'internal_error');
      assert.equal(readFileSync(dataFile, 'utf8'), before, 'the disk is unchanged');
      await assert.rejects(
        () => t.server.getAction({ userId: 'w-user', action: 'high-value-transfer', idempotencyKey: 'k-failed' }),
        { statusCode: 404 },
        'memory is unchanged',
      );
      rmSync(blocker, { recursive: true });
      await t.server.track({
        userId: 'w-user',
        action: 'high-value-transfer',
        attributes: { idempotencyKey: 'k-later' },
      });
    } finally {
      rmSync(blocker, { recursive: true, force: true });
      await t.close();
    }
    const again = await TestEmulator.start({ dataFile });
    try {
      for (const key of ['k-before', 'k-later']) {
        const action = await again.server.getAction({
          userId: 'w-user',
          action: 'high-value-transfer',
          idempotencyKey: key,
        });
        assert.equal(action?.state, 'ALLOW', `${key} reached the disk`);
      }
      await assert.rejects(
        () => again.server.getAction({ userId: 'w-user', action: 'high-value-transfer', idempotencyKey: 'k-failed' }),
        { statusCode: 404 },
      );
    } finally {
      await again.close();
    }
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.startsWith('failing.json')),
      ['failing.json'],
    );
  });

  it('keeps users named like Object.prototype members as plain users, across a restart', async () => {
    const dataFile = join(dir, 'proto.json');
    const t = await TestEmulator.start({ dataFile });
    try {
      for (const userId of ['__proto__', 'constructor', 'toString']) {
        await t.server.track({ userId, action: 'sign-in', attributes: { email: `${userId}@example.com` } });
      }
      assert.equal((await t.server.getUser({ userId: 'email' })).email, undefined, 'no user inherits another');
    } finally {
      await t.close();
    }
    const again = await TestEmulator.start({ dataFile });
    try {
      for (const userId of ['__proto__', 'constructor', 'toString']) {
        assert.equal((await again.server.getUser({ userId })).email, `${userId}@example.com`);
      }
      assert.equal((await again.server.getUser({ userId: 'hasOwnProperty' })).email, undefined);
    } finally {
      await again.close();
    }
  });

  it("removes its data file's stale temp files at start, and only those", async () => {
    const dataFile = join(dir, 'stale', 'emulator.json');
    mkdirSync(join(dir, 'stale'));
    const live = spawn('sleep', ['30']);
    const dead = deadPid();
    const files = {
      dead: `emulator.json.${dead}.tmp`,
      live: `emulator.json.${live.pid}.tmp`,
      other: `other.json.${dead}.tmp`,
      notOurs: 'emulator.json.backup.tmp',
    };
    for (const name of Object.values(files)) writeFileSync(join(dir, 'stale', name), '{"partial":');
    try {
      const t = await TestEmulator.start({ dataFile });
      await t.close();
      assert.equal(existsSync(join(dir, 'stale', files.dead)), false, "a dead writer's temp file is removed");
      assert.equal(existsSync(join(dir, 'stale', files.live)), true, "a live writer's temp file stays");
      assert.equal(existsSync(join(dir, 'stale', files.other)), true, "another file's temp file stays");
      assert.equal(existsSync(join(dir, 'stale', files.notOurs)), true);
    } finally {
      live.kill();
    }
  });
});

/** Both servers: the emulator on its own, and the demo bank (which mounts it under /v1). */
describe('hardening: HTTP edge cases on both servers', () => {
  let t: TestEmulator;
  let demo: RunningDemo;
  const targets = () => [
    { name: 'emulator', port: t.emulator.port, post: '/v1/client/challenge', auth: `Basic ${btoa(TENANT)}` },
    { name: 'bank', port: demo.port, post: '/api/session', auth: '' },
    { name: 'bank /v1', port: demo.port, post: '/v1/client/challenge', auth: `Basic ${btoa('demo-tenant')}` },
  ];
  before(async () => {
    t = await TestEmulator.start();
    demo = await startDemoServer({ port: 0, host: '127.0.0.1' }, CHEAP_HASHER);
  });
  after(async () => {
    await t.close();
    await demo.close();
  });

  it('answers request targets that are not URLs with a 400 JSON error', async () => {
    for (const { name, port } of targets()) {
      for (const target of ['//[', 'http://%zz/', '//%']) {
        const r = await rawRequest(port, `GET ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
        assert.equal(r.status, 400, `${name} ${target}: ${r.text}`);
        assert.match(String(r.json?.error), /invalid_request|invalid_url/, `${name} ${target}`);
      }
    }
  });

  it('answers every body over the limit with a complete 413 JSON answer, never a reset', async () => {
    const big = JSON.stringify({ action: 'x'.repeat(1024 * 1024) });
    for (const { name, port, post, auth } of targets()) {
      const answers = await Promise.all(
        Array.from({ length: 10 }, () =>
          fetch(`http://localhost:${port}${post}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
            body: big,
          }).then(async (r) => ({ status: r.status, json: (await r.json()) as { error: string } })),
        ),
      );
      for (const answer of answers) {
        assert.equal(answer.status, 413, name);
        assert.match(answer.json.error, /invalid_request|too_large/, name);
      }
      // A body many times the limit too: read to its end, never left half-sent (it used to stall).
      const huge = await fetch(`http://localhost:${port}${post}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
        body: Buffer.alloc(16 * 1024 * 1024, 0x61),
        signal: AbortSignal.timeout(10_000),
      });
      assert.equal(huge.status, 413, `${name}: 16 MB`);
      assert.ok(await huge.json(), `${name}: 16 MB, a complete JSON answer`);
      // And with the connection closed by the client's header, as a raw socket sends it.
      const raw = await rawRequest(
        port,
        `POST ${post} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n${auth ? `Authorization: ${auth}\r\n` : ''}Content-Length: ${Buffer.byteLength(big)}\r\nConnection: close\r\n\r\n${big}`,
      );
      assert.equal(raw.status, 413, `${name}: ${raw.text.slice(0, 200)}`);
      assert.equal(raw.reset, false, name);
      assert.ok(raw.json, `${name}: a complete JSON body`);
    }
  });

  it('does not log a malformed chunked body as an internal error', async () => {
    const errors = mock.method(console, 'error', () => {});
    try {
      for (const { name, port, post, auth } of targets()) {
        const r = await rawRequest(
          port,
          `POST ${post} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n${auth ? `Authorization: ${auth}\r\n` : ''}Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\n{"a":\r\nzz\r\n`,
        );
        assert.equal(r.status, 400, `${name}: ${r.text}`);
      }
      // A normal request afterwards proves the servers are fine; nothing was logged.
      assert.equal((await fetch(`${demo.url}/api/config`)).status, 200);
      assert.deepEqual(
        errors.mock.calls.map((c) => c.arguments.join(' ')),
        [],
      );
    } finally {
      errors.mock.restore();
    }
  });

  it(`refuses a bank request nested deeper than ${MAX_JSON_DEPTH} levels with 400 too_deep`, async () => {
    const client = new DemoClient(demo.url);
    assert.equal((await client.signIn('deep-bank')).status, 201);
    const r = await client.request('POST', '/api/transfers', `{"recipient":"x","amount":1,"memo":${nested(5000)}}`);
    assert.equal(r.status, 400);
    assert.deepEqual(r.data, {
      error: 'too_deep',
      message: `The request is nested deeper than ${MAX_JSON_DEPTH} levels.`,
    });
  });
});

describe('hardening: bank', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bank-hardening-'));
  let demo: RunningDemo;
  before(async () => {
    demo = await startDemoServer({ port: 0, host: '127.0.0.1', dataDir: dir }, CHEAP_HASHER);
  });
  after(async () => {
    await demo.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates a new username once under 10 concurrent first sign-ins: the other nine check their own password', async () => {
    const clients = Array.from({ length: 10 }, () => new DemoClient(demo.url));
    const answers = await Promise.all(clients.map((c, i) => c.signIn('racer', `password number ${i}`)));
    const statuses = answers.map((a) => a.status).sort();
    assert.deepEqual(statuses, [201, 401, 401, 401, 401, 401, 401, 401, 401, 401]);
    const winner = answers.findIndex((a) => a.status === 201);
    // Only the winner has a session.
    const accounts = await Promise.all(clients.map((c) => c.request('GET', '/api/account')));
    assert.deepEqual(
      accounts.map((a) => a.status),
      clients.map((_, i) => (i === winner ? 200 : 401)),
    );
    // An eleventh attempt within the minute meets the sign-in rate limit, whatever its password.
    assert.equal((await new DemoClient(demo.url).signIn('racer', `password number ${winner}`)).status, 429);
  });

  it('same password from two tabs at once: one creates the account, the other signs in to it', async () => {
    const [a, b] = [new DemoClient(demo.url), new DemoClient(demo.url)];
    const answers = await Promise.all([a.signIn('twin'), b.signIn('twin')]);
    assert.deepEqual(answers.map((r) => r.status).sort(), [200, 201]);
    const [accountA, accountB] = await Promise.all([
      a.request('GET', '/api/account'),
      b.request('GET', '/api/account'),
    ]);
    assert.equal(accountA.data.username, 'twin');
    assert.deepEqual(accountA.data, accountB.data);
  });

  it('leaves memory and disk as they were when a write fails', async () => {
    const client = new DemoClient(demo.url);
    assert.equal((await client.signIn('writer')).status, 201);
    const file = join(dir, 'bank.json');
    const before = readFileSync(file, 'utf8');
    const blocker = `${file}.${process.pid}.tmp`;
    mkdirSync(blocker);
    const errors = mock.method(console, 'error', () => {});
    try {
      const failed = await client.request('POST', '/api/transfers', { recipient: 'Grace', amount: 50 });
      assert.equal(failed.status, 500);
      assert.equal(errors.mock.callCount(), 1, 'a failed write is an internal error, logged once');
    } finally {
      errors.mock.restore();
      rmSync(blocker, { recursive: true });
    }
    assert.equal(readFileSync(file, 'utf8'), before);
    const account = await client.request('GET', '/api/account');
    assert.equal(account.data.balance, 25000);
    assert.deepEqual(account.data.transfers, []);
    assert.equal((await client.request('POST', '/api/transfers', { recipient: 'Grace', amount: 50 })).status, 201);
    assert.equal((await client.request('GET', '/api/account')).data.balance, 24950);
  });
});
