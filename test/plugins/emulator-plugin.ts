import { Authsignal } from '@authsignal/node';
import type { TestRunnerPlugin } from '@web/test-runner';
import { Secret, TOTP } from 'otpauth';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import type { passkeyTestingPlugin } from '../../testing/wtr.js';
import { ManagerBackend } from './manager-backend.js';

export const TEST_TENANT_ID = 'wtr-tenant';
export const TEST_SECRET = 'wtr-secret';

/** The emulator our browser tests run against: the testing kit's, with these rules. */
/**
 * Client requests a minute per caller (a user, or an address for tenant-only calls): on, so that
 * the 429 path is real; above the emulator's default of 30, because every page of the run comes
 * from one address and passkey sign-ins (three tenant-only requests each) add up.
 */
const TEST_RATE_LIMIT = 150;

export const TEST_EMULATOR = {
  tenantId: TEST_TENANT_ID,
  secret: TEST_SECRET,
  rateLimit: { max: TEST_RATE_LIMIT, windowSeconds: 60 },
  rules: {
    defaultState: 'ALLOW' as const,
    actions: {
      'high-value-transfer': 'CHALLENGE_REQUIRED' as const,
      'delete-account': 'BLOCK' as const,
      // <passkey-manager>'s changes: a step-up with a way the user already has.
      'add-authenticator': 'CHALLENGE_REQUIRED' as const,
      'remove-authenticator': 'CHALLENGE_REQUIRED' as const,
    },
  },
};

/** The calls of `@authsignal/node` that browser tests may make through `authsignal:*` commands. */
const SERVER_METHODS = [
  'track',
  'validateChallenge',
  'getUser',
  'getAuthenticators',
  'deleteAuthenticator',
  'getAction',
  'updateAction',
  'enrollVerifiedAuthenticator',
] as const;
type ServerMethod = (typeof SERVER_METHODS)[number];

/**
 * What our own browser tests need beyond the testing kit (which starts the emulator, and whose
 * commands they use for its clock, its outbox and the virtual authenticators): a "backend", the
 * real `@authsignal/node` SDK called in Node through `authsignal:*` commands, so that nothing
 * stands between either SDK and the emulator; a second emulator that allows no test origin (a
 * misconfigured tenant); emulators to stop mid-test; fault injection and the request log.
 */
export function emulatorPlugin(kit: ReturnType<typeof passkeyTestingPlugin>): TestRunnerPlugin {
  let emulator: RunningEmulator | undefined;
  let foreign: RunningEmulator | undefined;
  let server: Authsignal | undefined;
  const temporary = new Map<string, RunningEmulator>();
  /** Tokens the test backend has handed out, per user: counted once they exist, not when asked for. */
  const tokensIssued = new Map<string, number>();
  let origin = '';
  const managerBackend = new ManagerBackend(() => server!);

  return {
    name: 'authsignal-emulator',
    // After the kit's: it has started the emulator.
    async serverStart({ config }) {
      origin = `http://${config.hostname ?? 'localhost'}:${config.port}`;
      emulator = kit.emulator!;
      foreign = await startEmulator({
        port: 0,
        tenantId: TEST_TENANT_ID,
        secret: TEST_SECRET,
        origins: ['https://elsewhere.example'],
      });
      server = new Authsignal({ apiSecretKey: TEST_SECRET, apiUrl: emulator.baseUrl });
    },
    async serverStop() {
      await foreign?.close();
      for (const t of temporary.values()) await t.close();
    },
    /**
     * The host backend's token endpoint for `token-url` tests: `POST /test-backend/enroll-token?user=ID`
     * answers `{ token }` from track with `add:authenticators`; `?status=N` answers that status instead.
     */
    async serve(context) {
      if (context.path.startsWith('/test-backend/manager/') && context.method === 'POST') {
        const chunks: Buffer[] = [];
        for await (const chunk of context.req) chunks.push(chunk as Buffer);
        const reply = await managerBackend.handle(context.path, JSON.parse(Buffer.concat(chunks).toString() || '{}'));
        if (!reply) return undefined;
        context.status = reply.status;
        return { body: JSON.stringify(reply.body), type: 'json' };
      }
      if (context.path !== '/test-backend/enroll-token') return undefined;
      const user = String(context.query.user ?? '');
      if (context.method !== 'POST' || !user) return { body: '{"error":"POST with ?user="}', type: 'json' };
      if (context.query.status) {
        context.status = Number(context.query.status);
        return { body: '{"error":"refused"}', type: 'json' };
      }
      const track = await server!.track({
        userId: user,
        action: 'enroll-passkey',
        attributes: { scope: 'add:authenticators' },
      });
      // Counted after track: a test that waits for this count and then moves the clock knows the
      // token exists (its expiry is fixed), whether or not the page has read the answer yet.
      tokensIssued.set(user, (tokensIssued.get(user) ?? 0) + 1);
      return { body: JSON.stringify({ token: track.token }), type: 'json' };
    },
    async executeCommand({ command, payload }) {
      if (command === 'emulator:info') {
        return { url: emulator!.url, tenantId: TEST_TENANT_ID, foreignUrl: foreign!.url, rateLimit: TEST_RATE_LIMIT };
      }
      if (command === 'emulator:inject-fault') {
        emulator!.injectFault(payload as { userId: string; status: number; count: number });
        return {};
      }
      if (command === 'emulator:requests') {
        return emulator!.requestsOf((payload as { userId: string }).userId);
      }
      if (command === 'emulator:totp') {
        // What an authenticator app shows now (or `offsetSeconds` from now) for this secret.
        const { secret, offsetSeconds = 0 } = payload as { secret: string; offsetSeconds?: number };
        return new TOTP({ secret: Secret.fromBase32(secret) }).generate({
          timestamp: emulator!.now() + offsetSeconds * 1000,
        });
      }
      if (command === 'emulator:tokens-issued') {
        return tokensIssued.get((payload as { userId: string }).userId) ?? 0;
      }
      if (command === 'emulator:start-temporary') {
        const t = await startEmulator({ port: 0, tenantId: TEST_TENANT_ID, secret: TEST_SECRET, origins: [origin] });
        temporary.set(t.url, t);
        return { url: t.url };
      }
      if (command === 'emulator:stop-temporary') {
        const { url } = payload as { url: string };
        await temporary.get(url)?.close();
        temporary.delete(url);
        return {};
      }
      if (command.startsWith('authsignal:')) {
        const method = command.slice('authsignal:'.length) as ServerMethod;
        if (!SERVER_METHODS.includes(method)) throw new Error(`Unknown server method ${method}`);
        try {
          const result = await (server![method] as (args: unknown) => Promise<unknown>)(payload);
          return { ok: true, result: result ?? null };
        } catch (error) {
          const e = error as { statusCode?: number; errorCode?: string; errorDescription?: string; message: string };
          return { ok: false, statusCode: e.statusCode, errorCode: e.errorCode, message: e.message };
        }
      }
      return undefined;
    },
  };
}
