/** How the demo runs: on which port, where it keeps data, and against which Authsignal. */
export interface DemoConfig {
  port: number;
  host: string;
  /** Folder for bank.json and emulator.json; undefined keeps everything in memory (tests). */
  dataDir?: string;
  /** Confirmation attempts allowed per account and minute (default 10). */
  confirmsPerMinute?: number;
  /** Password sign-ins and sign-ups allowed per client address and minute (default 30). */
  signInsPerAddressPerMinute?: number;
  /**
   * The origin people open the bank at (PUBLIC_ORIGIN, e.g. https://bank.example.com): the only
   * one its state-changing requests are taken from. Default: http://localhost:<port>.
   */
  publicOrigin?: string;
  /**
   * Real Authsignal; when absent, the local emulator runs inside the demo under /v1. `clientId`
   * (AUTHSIGNAL_CLIENT_ID, an app client of the portal): passkey sign-ins hold an Authsignal session.
   */
  authsignal?: { tenantId: string; secret: string; apiUrl: string; clientId?: string };
}

const REAL_VARIABLES = ['AUTHSIGNAL_TENANT_ID', 'AUTHSIGNAL_API_SECRET_KEY', 'AUTHSIGNAL_API_URL'] as const;

/** Reads PORT, DATA_DIR and the AUTHSIGNAL_* variables; throws a message naming what is wrong. */
export function resolveDemoConfig(env: NodeJS.ProcessEnv): DemoConfig {
  const port = env.PORT === undefined ? 5173 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be 0–65535, got "${env.PORT}".`);
  const set = REAL_VARIABLES.filter((name) => env[name]);
  if (set.length > 0 && set.length < REAL_VARIABLES.length) {
    const missing = REAL_VARIABLES.filter((name) => !env[name]);
    throw new Error(`To use real Authsignal set all of ${REAL_VARIABLES.join(', ')}; missing: ${missing.join(', ')}.`);
  }
  const config: DemoConfig = { port, host: env.HOST ?? '127.0.0.1', dataDir: env.DATA_DIR ?? '.data' };
  if (env.SIGN_INS_PER_ADDRESS_PER_MINUTE !== undefined) {
    const limit = Number(env.SIGN_INS_PER_ADDRESS_PER_MINUTE);
    if (!Number.isInteger(limit) || limit < 1) {
      throw new Error(
        `SIGN_INS_PER_ADDRESS_PER_MINUTE must be a whole number ≥ 1, got "${env.SIGN_INS_PER_ADDRESS_PER_MINUTE}".`,
      );
    }
    config.signInsPerAddressPerMinute = limit;
  }
  if (env.PUBLIC_ORIGIN) {
    const origin = env.PUBLIC_ORIGIN.replace(/\/$/, '');
    if (!URL.canParse(origin) || new URL(origin).origin !== origin) {
      throw new Error(`PUBLIC_ORIGIN must be an origin like https://bank.example.com, got "${env.PUBLIC_ORIGIN}".`);
    }
    config.publicOrigin = origin;
  }
  if (set.length === REAL_VARIABLES.length) {
    const apiUrl = env.AUTHSIGNAL_API_URL!.replace(/\/$/, '');
    if (!/^https?:\/\/[^/]+\/v1$/.test(apiUrl)) {
      throw new Error(
        `AUTHSIGNAL_API_URL must look like https://api.authsignal.com/v1, got "${env.AUTHSIGNAL_API_URL}".`,
      );
    }
    config.authsignal = {
      tenantId: env.AUTHSIGNAL_TENANT_ID!,
      secret: env.AUTHSIGNAL_API_SECRET_KEY!,
      apiUrl,
      ...(env.AUTHSIGNAL_CLIENT_ID ? { clientId: env.AUTHSIGNAL_CLIENT_ID } : {}),
    };
  }
  return config;
}
