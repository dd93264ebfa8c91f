import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DemoApi } from '../../demo/server/demo-api.js';
import { registerEmulatorApis } from '../../emulator/emulator.js';
import type { EmulatorContext } from '../../emulator/emulator-context.js';
import { Router } from '../../shared/router.js';
import { DemoClient } from '../node/support/demo-client.js';
import { DemoPage } from '../node/support/demo-page.js';
import { rawRequest } from '../node/support/raw-http.js';
import { TestEmulator } from '../../emulator/test/support/test-emulator.js';
import { SectionReport } from './support/report.js';
import { ServerProcess } from './support/server-process.js';

/**
 * Fuzz: every route of both servers (the emulator on its own, the demo bank with the emulator
 * inside it) with what a careless client or an attacker sends. No answer may be a 5xx, a reset
 * or a hang; afterwards both processes must be alive and a normal enroll → step-up → transfer
 * must still work.
 */
const TIMEOUT_MS = 5000;
const ORIGIN = 'http://localhost:5173';
const TENANT = 'fuzz-tenant';
const SECRET = 'fuzz-secret';

/** Every route a router holds once the APIs have registered on it (they touch nothing else then). */
function routes(register: (router: Router) => void): { method: string; pattern: string }[] {
  const router = new Router();
  register(router);
  return router.list();
}
const EMULATOR_ROUTES = routes((r) => registerEmulatorApis(r, { now: Date.now } as EmulatorContext, TENANT, {}));
// Signing out goes last: every route after it would only meet a 401.
const BANK_ROUTES = routes((r) =>
  new DemoApi(undefined as never, undefined as never, undefined as never, () => ({
    tenantId: '',
    baseUrl: '',
  })).register(r),
).sort(
  (a, b) =>
    Number(a.method === 'DELETE' && a.pattern === '/api/session') -
    Number(b.method === 'DELETE' && b.pattern === '/api/session'),
);

const FIELDS = [
  'token',
  'userId',
  'action',
  'username',
  'password',
  'recipient',
  'amount',
  'idempotencyKey',
  'scope',
  'email',
  'displayName',
  'challengeId',
  'registrationCredential',
  'authenticationCredential',
  'conditionalCreate',
  'state',
  'custom',
  'redirectUrl',
  'deviceId',
  'userName',
  'verificationCode',
  'verificationMethod',
  'phoneNumber',
  'accessToken',
  'refreshToken',
  'clientId',
  'clientIds',
  'skipVerificationCheck',
  'smsChannel',
  'isDefault',
];
const WRONG_VALUES: unknown[] = [
  42,
  -1,
  1e308,
  0.1,
  true,
  null,
  [],
  {},
  [1, 'two'],
  '',
  ' ',
  'x'.repeat(10_000),
  '<script>alert(1)</script>',
  '\u0000',
  '../../etc/passwd',
  { id: 'x', response: { clientDataJSON: 'not base64', attestationObject: 7 } },
];
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const BODIES: { name: string; body: string | Buffer; type?: string }[] = [
  { name: 'no fields', body: '{}' },
  { name: 'empty body', body: '' },
  { name: 'invalid JSON', body: '{"a":' },
  { name: 'single quotes', body: "{'a':1}" },
  { name: 'array', body: '[1,2]' },
  { name: 'null', body: 'null' },
  { name: 'string', body: '"text"' },
  { name: 'number', body: '12' },
  { name: 'deep nesting', body: `{"custom":${nested(5000)}}` },
  { name: 'over the size limit', body: JSON.stringify({ token: 'x'.repeat(1024 * 1024) }) },
  { name: 'text/plain', body: '{}', type: 'text/plain' },
  { name: 'form encoded', body: 'username=a&password=b', type: 'application/x-www-form-urlencoded' },
  { name: 'invalid UTF-8', body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]) },
  { name: 'prototype keys', body: '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}' },
  ...WRONG_VALUES.map((value) => ({
    name: `every field ${JSON.stringify(value)?.slice(0, 20)}`,
    body: JSON.stringify(Object.fromEntries(FIELDS.map((f) => [f, value]))),
  })),
];
const PARAMS = [
  'fuzz',
  'a'.repeat(2000),
  '%00',
  '%2e%2e%2f%2e%2e',
  '%zz',
  '__proto__',
  'constructor',
  encodeURIComponent('🙂'),
];
const OTHER_METHODS = ['PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'PROPFIND', 'FOO'];

interface Answer {
  status?: number;
  failure?: 'reset' | 'hang';
}

function sendRequest(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string | Buffer,
) {
  return new Promise<Answer>((resolve) => {
    const options = { host: '127.0.0.1', port, method, path, timeout: TIMEOUT_MS };
    // The bank checks that Origin is its public origin, as a browser on http://localhost:<port> sends it.
    // Framed by Content-Length whatever the method: Node's client sends a GET's body unframed.
    const length = body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) };
    const all = { host: `localhost:${port}`, ...length, ...headers };
    const request = httpRequest({ ...options, headers: all }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode }));
      response.on('error', () => resolve({ failure: 'reset' }));
    });
    request.on('timeout', () => {
      request.destroy();
      resolve({ failure: 'hang' });
    });
    request.on('error', () => resolve({ failure: 'reset' }));
    request.end(body);
  });
}

interface Target {
  name: string;
  port: number;
  routes: { method: string; pattern: string }[];
  /** Headers that get a request past authentication, so that the handlers themselves are fuzzed. */
  credentials: (pattern: string) => Record<string, string>;
  /** Runs after each request, e.g. to sign in again after a fuzzed request signed out. */
  after?: (method: string, path: string) => Promise<void>;
}

async function fuzzTarget(target: Target, tally: (answer: Answer, what: string) => void): Promise<void> {
  const fill = (pattern: string, value: string) => pattern.replace(/:\w+/g, value);
  const send = async (
    port: number,
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: string | Buffer,
  ) => {
    const answer = await sendRequest(port, method, path, headers, body);
    await target.after?.(method, path);
    return answer;
  };
  for (const { method, pattern } of target.routes) {
    const headers = () => ({ ...target.credentials(pattern), 'content-type': 'application/json' });
    const path = fill(pattern, 'fuzz');
    for (const value of PARAMS) {
      const p = fill(pattern, value);
      tally(await send(target.port, method, p, headers(), method === 'GET' ? undefined : '{}'), `${method} ${p}`);
    }
    for (const b of BODIES) {
      const h = { ...headers(), ...(b.type ? { 'content-type': b.type } : {}) };
      tally(await send(target.port, method, path, h, b.body), `${method} ${path} ${b.name}`);
    }
    // Without credentials, with a query string nobody expects, with other methods.
    tally(
      await send(target.port, method, path, { 'content-type': 'application/json' }, '{}'),
      `${method} ${path} anonymous`,
    );
    tally(
      await send(target.port, method, `${path}?a=%zz&b[]=1&b[]=2&__proto__[x]=1`, headers(), '{}'),
      `${method} ${path} query`,
    );
    for (const other of OTHER_METHODS) tally(await send(target.port, other, path, headers()), `${other} ${path}`);
  }
  const prefix = target.routes[0]!.pattern.startsWith('/v1') ? '/v1' : '/api';
  tally(await send(target.port, 'GET', `${prefix}/${'a'.repeat(20_000)}`, {}), 'long URL');
  tally(await send(target.port, 'GET', `${prefix}/x`, { 'x-long': 'a'.repeat(20_000) }), 'long header');
  tally(
    await send(
      target.port,
      'GET',
      `${prefix}/x`,
      Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`x-h${i}`, 'v'])),
    ),
    'many headers',
  );
  for (const raw of [
    'GET //[ HTTP/1.1',
    'GET http://%zz/ HTTP/1.1',
    'GET /../../../etc/passwd HTTP/1.1',
    'GET * HTTP/1.1',
    'OPTIONS * HTTP/1.1',
    'GET /%ff%fe HTTP/1.1',
  ]) {
    const r = await rawRequest(target.port, `${raw}\r\nHost: localhost\r\nConnection: close\r\n\r\n`, TIMEOUT_MS).catch(
      () => undefined,
    );
    tally(r ? { status: r.status, ...(r.reset ? { failure: 'reset' as const } : {}) } : { failure: 'hang' }, raw);
  }
  const chunked = await rawRequest(
    target.port,
    `POST ${target.routes.find((r) => r.method === 'POST')!.pattern} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\n{"a":\r\nzz\r\n`,
    TIMEOUT_MS,
  ).catch(() => undefined);
  // Node's parser answers a malformed chunked body itself (400) and closes: that close is no reset.
  tally(chunked ? { status: chunked.status } : { failure: 'hang' }, 'malformed chunked body');
}

export async function fuzz(): Promise<SectionReport> {
  const report = new SectionReport('fuzz');
  const dir = mkdtempSync(join(tmpdir(), 'reliability-fuzz-'));
  const emulator = await ServerProcess.emulator({
    tenantId: TENANT,
    secret: SECRET,
    origins: [ORIGIN],
    dataFile: join(dir, 'emulator', 'emulator.json'),
  });
  const demo = await ServerProcess.demo(join(dir, 'demo'));
  try {
    // Credentials for each server, so that requests reach the handlers.
    const standalone = TestEmulator.attach(emulator.url, SECRET);
    const { token: emulatorToken } = await standalone.server.track({
      userId: 'fuzz-user',
      action: 'enroll-passkey',
      attributes: { scope: 'add:authenticators' },
    });
    const bank = new DemoClient(demo.url);
    let signIns = 0;
    const signIn = async () => {
      // A new username each time: the sign-in rate limit counts per username.
      const signedIn = await bank.signIn(`fuzzer-${++signIns}`);
      if (signedIn.status !== 201) throw new Error(`fuzz: sign-in answered ${signedIn.status}`);
    };
    await signIn();
    const bankToken = (await bank.request('POST', '/api/passkey/enroll')).data.token as string;
    const bankSecret = readFileSync(join(dir, 'demo', 'emulator-secret'), 'utf8').trim();
    const emulatorCredentials =
      (secret: string, token: string, origin: string) =>
      (pattern: string): Record<string, string> =>
        pattern.startsWith('/v1/client/')
          ? { authorization: `Bearer ${token}`, origin }
          : { authorization: `Basic ${btoa(`${secret}:`)}` };

    const targets: Target[] = [
      {
        name: 'emulator',
        port: Number(new URL(emulator.url).port),
        routes: EMULATOR_ROUTES,
        credentials: emulatorCredentials(SECRET, emulatorToken, ORIGIN),
      },
      {
        name: 'bank',
        port: Number(new URL(demo.url).port),
        routes: BANK_ROUTES,
        credentials: () => ({ cookie: bank.sessionCookie, origin: demo.url }),
        after: async (method, path) => {
          if (method === 'DELETE' && path.startsWith('/api/session')) await signIn();
        },
      },
      {
        name: 'bank /v1',
        port: Number(new URL(demo.url).port),
        routes: EMULATOR_ROUTES,
        credentials: emulatorCredentials(bankSecret, bankToken, demo.url),
      },
    ];
    const figures: Record<string, unknown> = {};
    let total = 0;
    for (const target of targets) {
      const statuses: Record<string, number> = {};
      const bad: string[] = [];
      const started = Date.now();
      await fuzzTarget(target, (answer, what) => {
        total++;
        const key = answer.failure ?? String(answer.status);
        statuses[key] = (statuses[key] ?? 0) + 1;
        if (answer.failure || !answer.status || answer.status >= 500) bad.push(`${what} → ${key}`);
      });
      const count = Object.values(statuses).reduce((a, b) => a + b, 0);
      figures[target.name] = {
        requests: count,
        routes: target.routes.length,
        statuses,
        seconds: (Date.now() - started) / 1000,
      };
      report.check(
        `${target.name}: ${count} requests over ${target.routes.length} routes, no 5xx, no reset, no hang`,
        bad.length === 0,
        bad.slice(0, 5).join('; ') ||
          Object.entries(statuses)
            .map(([k, v]) => `${k}×${v}`)
            .join(' '),
      );
      report.row(
        `fuzz: ${target.name} (${target.routes.length} routes)`,
        `${count} requests · ${bad.length} bad · ${Object.entries(statuses)
          .map(([k, v]) => `${k}×${v}`)
          .join(' ')}`,
      );
    }
    figures.requests = total;
    Object.assign(report.figures, figures);

    const internal = (log: string) => log.split('\n').filter((l) => /internal error|request failed/.test(l));
    report.check('both processes are alive afterwards', emulator.alive && demo.alive);
    report.check(
      'neither logged an internal error',
      [...internal(emulator.log), ...internal(demo.log)].length === 0,
      [...internal(emulator.log), ...internal(demo.log)].slice(0, 3).join('; '),
    );

    // A normal user after all that: the emulator on its own, then the bank through its UI.
    const authenticator = await standalone.enrolledUser('after-fuzz');
    const { token } = await standalone.server.track({ userId: 'after-fuzz', action: 'high-value-transfer' });
    const { challengeId, options } = await standalone.authenticationOptions({ token });
    const verified = await standalone.client(
      '/client/verify/passkey',
      { authenticationCredential: authenticator.authenticate(options), challengeId },
      { token },
    );
    const validation = await standalone.server.validateChallenge({ token: String(verified.json.accessToken) });
    report.check('emulator afterwards: enroll → step-up → validated', validation.isValid === true, validation.state);

    const ui = await DemoPage.open(demo.url);
    try {
      await ui.signIn('after-fuzz');
      await ui.enrollPasskey();
      await ui.send('Grace', '7500');
      await ui.waitForStepUp(true);
      await ui.confirmStepUp();
      await ui.waitForText('#notice', 'Sent $7,500.00 to Grace');
      const balance = await ui.balance();
      report.check(
        'bank afterwards, in Chromium: sign in → enroll → $7,500 with step-up',
        balance === '$17,500.00',
        balance,
      );
    } finally {
      await ui.close();
    }
    const after = report.checks.slice(-4);
    report.row(
      'fuzz: afterwards',
      after.every((c) => c.ok) ? 'both alive, nothing logged, enroll → step-up → transfer work' : 'FAILED',
    );
  } finally {
    await emulator.kill('SIGTERM');
    await demo.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
  return report;
}
