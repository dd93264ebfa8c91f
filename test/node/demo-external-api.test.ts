import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { RULES_FILE, startDemoServer, type RunningDemo } from '../../demo/server/demo-server.js';
import { loadRulesFile, startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { DemoClient } from './support/demo-client.js';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

// AUTHSIGNAL_* configured: the demo starts no emulator and talks to the API it was given, here a
// separate emulator standing in for Authsignal's servers.
describe('demo against an external Authsignal API', () => {
  let api: RunningEmulator;
  let demo: RunningDemo;

  before(async () => {
    const port = await freePort();
    api = await startEmulator({
      port: 0,
      tenantId: 'external-tenant',
      secret: 'external-secret',
      origins: [`http://localhost:${port}`],
      // The tenant's configuration at Authsignal: the bank's own rules file.
      rules: loadRulesFile(RULES_FILE),
    });
    demo = await startDemoServer({
      port,
      host: '127.0.0.1',
      authsignal: { tenantId: 'external-tenant', secret: 'external-secret', apiUrl: api.url },
    });
  });
  after(async () => {
    await demo.close();
    await api.close();
  });

  it('runs no emulator of its own and points the page at the configured API', async () => {
    assert.equal(demo.emulator, undefined);
    assert.equal((await fetch(`${demo.url}/v1/client/challenge`, { method: 'POST' })).status, 404);
    const config = await (await fetch(`${demo.url}/api/config`)).json();
    assert.deepEqual(config, { tenantId: 'external-tenant', baseUrl: api.url, devInbox: false });
    // No Dev inbox against a real API: its codes are really sent.
    const client = new DemoClient(demo.url);
    await client.signIn('external-inbox');
    assert.equal((await client.request('GET', '/api/dev/inbox')).status, 404);
    const csp = (await fetch(`${demo.url}/`)).headers.get('content-security-policy')!;
    assert.match(csp, new RegExp(`connect-src 'self' ${new URL(api.url).origin}`));
  });

  it('enrolls and steps up a large transfer through that API', async () => {
    const client = new DemoClient(demo.url);
    await client.signIn('external-user');
    assert.equal((await client.enrollPasskey()).data.isValid, true);
    const created = await client.request('POST', '/api/transfers', { recipient: 'Bob', amount: 7500 });
    assert.equal(created.status, 202);
    const token = await client.stepUp(created.data.token);
    const confirmed = await client.request('POST', `/api/transfers/${created.data.id}/confirm`, { token });
    assert.equal(confirmed.status, 200);
    assert.equal(confirmed.data.balance, 17500);
  });
});
