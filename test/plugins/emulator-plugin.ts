import { Authsignal } from '@authsignal/node';
import type { TestRunnerPlugin } from '@web/test-runner';
import { startEmulator, type RunningEmulator } from '../../demo/server/emulator/index.js';

export const TEST_TENANT_ID = 'wtr-tenant';
const TEST_SECRET = 'wtr-secret';

/** The calls of `@authsignal/node` that browser tests may make through `authsignal:*` commands. */
const SERVER_METHODS = [
  'track',
  'validateChallenge',
  'getUser',
  'getAuthenticators',
  'deleteAuthenticator',
  'getAction',
  'updateAction',
] as const;
type ServerMethod = (typeof SERVER_METHODS)[number];

/**
 * Runs the emulator for a wtr run and gives browser tests a "backend": the real `@authsignal/node`
 * SDK, called in Node through commands, so that nothing stands between either SDK and the emulator.
 * A second emulator that allows no test origin stands in for a misconfigured tenant.
 */
export function emulatorPlugin(): TestRunnerPlugin {
  let emulator: RunningEmulator | undefined;
  let foreign: RunningEmulator | undefined;
  let server: Authsignal | undefined;
  let clockOffsetMs = 0;
  const now = () => Date.now() + clockOffsetMs;

  return {
    name: 'authsignal-emulator',
    async serverStart({ config }) {
      const origin = `http://${config.hostname ?? 'localhost'}:${config.port}`;
      emulator = await startEmulator({
        port: 0,
        tenantId: TEST_TENANT_ID,
        secret: TEST_SECRET,
        origins: [origin],
        rpId: 'localhost',
        now,
        rules: {
          defaultState: 'ALLOW',
          actions: { 'high-value-transfer': 'CHALLENGE_REQUIRED', 'delete-account': 'BLOCK' },
        },
      });
      foreign = await startEmulator({
        port: 0,
        tenantId: TEST_TENANT_ID,
        secret: TEST_SECRET,
        origins: ['https://elsewhere.example'],
      });
      server = new Authsignal({ apiSecretKey: TEST_SECRET, apiUrl: emulator.url });
    },
    async serverStop() {
      await emulator?.close();
      await foreign?.close();
    },
    async executeCommand({ command, payload }) {
      if (command === 'emulator:info') {
        return { url: emulator!.url, tenantId: TEST_TENANT_ID, foreignUrl: foreign!.url };
      }
      if (command === 'emulator:advance-clock') {
        clockOffsetMs += Number((payload as { seconds: number }).seconds) * 1000;
        return { clockOffsetMs };
      }
      if (command === 'emulator:reset-clock') {
        clockOffsetMs = 0;
        return { clockOffsetMs };
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
