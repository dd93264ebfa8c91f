import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseRules } from '../index.js';
import { resolveCliOptions } from '../cli-options.js';

describe('emulator: command line and environment', () => {
  const dir = mkdtempSync(join(tmpdir(), 'emulator-cli-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const resolve = (argv: string[], env: NodeJS.ProcessEnv = {}) => {
    const r = resolveCliOptions(argv, env);
    assert.equal(r.help, false);
    return (r as Extract<typeof r, { help: false }>).options;
  };

  it('has documented defaults', () => {
    assert.deepEqual(resolve([]), {
      port: 4000,
      host: '127.0.0.1',
      tenantId: 'local-tenant',
      secret: 'local-secret',
      origins: ['http://localhost:5173'],
      clientIds: ['local-client'],
      rpId: 'localhost',
      dataFile: '.data/emulator.json',
      rules: undefined,
      rateLimit: { max: 30, windowSeconds: 60 },
    });
  });

  it('takes flags, repeatable origins, and the same settings from the environment', () => {
    const flags = resolve([
      '--port',
      '4100',
      '--tenant-id',
      'T',
      '--secret',
      'S',
      '--origin',
      'http://localhost:5173',
      '--origin',
      'http://localhost:8080',
      '--rp-id',
      'localhost',
      '--in-memory',
    ]);
    assert.deepEqual(
      [flags.port, flags.tenantId, flags.secret, flags.origins, flags.dataFile],
      [4100, 'T', 'S', ['http://localhost:5173', 'http://localhost:8080'], undefined],
    );
    const env = resolve([], {
      EMULATOR_PORT: '4200',
      EMULATOR_TENANT_ID: 'ET',
      EMULATOR_SECRET: 'ES',
      EMULATOR_ORIGINS: 'http://a.localhost:1, http://b.localhost:2',
      EMULATOR_DATA: '/tmp/x.json',
    });
    assert.deepEqual(
      [env.port, env.tenantId, env.secret, env.origins, env.dataFile],
      [4200, 'ET', 'ES', ['http://a.localhost:1', 'http://b.localhost:2'], '/tmp/x.json'],
    );
    assert.equal(resolve(['--tenant-id', 'flag'], { EMULATOR_TENANT_ID: 'env' }).tenantId, 'flag', 'flags win');
    assert.equal(resolve([], { EMULATOR_IN_MEMORY: '1' }).dataFile, undefined);
    assert.equal(resolve(['--rate-limit', '0']).rateLimit, false);
    assert.deepEqual(resolve(['--client-id', 'web', '--client-id', 'ios']).clientIds, ['web', 'ios']);
    assert.deepEqual(resolve([], { EMULATOR_CLIENT_IDS: 'web, android' }).clientIds, ['web', 'android']);
    assert.deepEqual(resolve([], { EMULATOR_RATE_LIMIT: '5' }).rateLimit, { max: 5, windowSeconds: 60 });
  });

  it('refuses bad input with a message that names it', () => {
    assert.throws(() => resolve(['--port', 'many']), /--port/);
    assert.throws(() => resolve(['--client-id', 'has space']), /--client-id/);
    assert.throws(() => resolve(['--rate-limit', '-1']), /--rate-limit/);
    assert.throws(() => resolve(['--origin', 'localhost:5173']), /--origin/);
    assert.throws(() => resolve(['--origin', 'http://localhost:5173/app']), /bare origin/);
    assert.throws(() => resolve(['--data', 'x.json', '--in-memory']), /exclude/);
    assert.throws(() => resolve(['--tenant-id', '']), /tenant-id/);
    assert.throws(() => resolve(['--colour']), /Unknown option/);
    assert.throws(() => resolve(['--rules', join(dir, 'missing.json')]), /Cannot read rules file/);
  });

  it('loads and checks a rules file; the short form of before rules is read as the full form', () => {
    const file = join(dir, 'rules.json');
    writeFileSync(
      file,
      JSON.stringify({
        defaultState: 'ALLOW',
        actions: { 'high-value-transfer': 'CHALLENGE_REQUIRED', 'delete-account': 'BLOCK' },
      }),
    );
    assert.deepEqual(resolve(['--rules', file]).rules, {
      defaultUserActionResult: 'ALLOW',
      actions: {
        'high-value-transfer': { defaultUserActionResult: 'CHALLENGE' },
        'delete-account': { defaultUserActionResult: 'BLOCK' },
      },
    });
    writeFileSync(file, '{"actions":{"x":"MAYBE"}}');
    // The message names the file and the bad part, and shows the full form.
    assert.throws(
      () => resolve(['--rules', file]),
      (e: Error) => {
        assert.match(e.message, /rules\.json/);
        assert.match(
          e.message,
          /actions\["x"\] must be one of ALLOW, BLOCK, CHALLENGE_REQUIRED, REVIEW_REQUIRED; got "MAYBE"/,
        );
        assert.match(e.message, /"defaultUserActionResult": "ALLOW"/);
        return true;
      },
    );
    assert.throws(() => parseRules({ defaultState: 'CHALLENGE_SUCCEEDED' }), /defaultState must be one of/);
    assert.throws(() => parseRules([]), /JSON object/);
    assert.deepEqual(parseRules({}), {});
  });

  it('`npm run emulator` prints its base URL and serves the API until stopped', async () => {
    const child = spawn(
      'npm',
      ['run', '--silent', 'emulator', '--', '--port', '0', '--in-memory', '--tenant-id', 'cli-tenant'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      },
    );
    try {
      const url = await new Promise<string>((resolveUrl, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk;
          const match = /(http:\/\/localhost:\d+\/v1)/.exec(out);
          if (match) resolveUrl(match[1]!);
        });
        child.once('exit', (code) => reject(new Error(`emulator exited with ${code}: ${out}`)));
        setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 15_000).unref();
      });
      const r = await fetch(`${url}/client/challenge`, {
        method: 'POST',
        headers: { authorization: `Basic ${btoa('cli-tenant')}`, 'content-type': 'application/json' },
        body: '{"action":"signIn"}',
      });
      assert.equal(r.status, 200);
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
    }
  });

  it('exits with status 2 and the usage on a bad flag', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/cli.ts', '--port', 'x'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c));
    const code = await new Promise((r) => child.once('exit', r));
    assert.equal(code, 2);
    assert.match(err, /--port must be/);
    assert.match(err, /Usage: passkey-elements-emulator/);
  });
});
