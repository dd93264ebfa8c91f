import { Authsignal } from '@authsignal/node';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../index.js';
import { SoftAuthenticator } from './soft-authenticator.js';

export const ORIGIN = 'http://localhost:5173';
export const TENANT = 'node-tenant';
export const SECRET = 'node-secret';
export const RULES = {
  defaultState: 'ALLOW' as const,
  actions: { 'high-value-transfer': 'CHALLENGE_REQUIRED' as const, 'delete-account': 'BLOCK' as const },
};

export interface JsonResponse {
  status: number;
  headers: Headers;
  json: Record<string, unknown> & { error?: string; errorCode?: string };
}

/** An in-memory emulator on a free port, the real node SDK pointed at it, and a movable clock. */
export class TestEmulator {
  clockOffsetMs = 0;
  emulator!: RunningEmulator;
  server!: Authsignal;

  static async start(options: EmulatorOptions = {}): Promise<TestEmulator> {
    const t = new TestEmulator();
    t.emulator = await startEmulator({
      port: 0,
      tenantId: TENANT,
      secret: SECRET,
      origins: [ORIGIN],
      rules: RULES,
      now: () => Date.now() + t.clockOffsetMs,
      ...options,
    });
    t.server = new Authsignal({ apiSecretKey: options.secret ?? SECRET, apiUrl: t.emulator.url });
    return t;
  }

  /**
   * The HTTP helpers (client calls, enrollment, the node SDK) against an emulator that runs
   * elsewhere, e.g. in another process; nothing in-process (clock, faults, close) works then.
   */
  static attach(url: string, secret: string): TestEmulator {
    const t = new TestEmulator();
    t.emulator = { url, port: Number(new URL(url).port) } as RunningEmulator;
    t.server = new Authsignal({ apiSecretKey: secret, apiUrl: url });
    return t;
  }

  close(): Promise<void> {
    return this.emulator.close();
  }

  advance(seconds: number): void {
    this.clockOffsetMs += seconds * 1000;
  }

  /** A raw client-API call, as the browser SDK makes it. */
  async client(
    path: string,
    body: unknown,
    auth: { token?: string; tenant?: string; raw?: string } = {},
    init: { method?: string; origin?: string } = {},
  ): Promise<JsonResponse> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (auth.token) headers.authorization = `Bearer ${auth.token}`;
    else if (auth.tenant !== undefined) headers.authorization = `Basic ${btoa(auth.tenant)}`;
    if (auth.raw) headers.authorization = auth.raw;
    if (init.origin) headers.origin = init.origin;
    const response = await fetch(`${this.emulator.url}${path}`, {
      method: init.method ?? 'POST',
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return {
      status: response.status,
      headers: response.headers,
      json: (await response.json()) as JsonResponse['json'],
    };
  }

  /** signUp's two requests, with a software authenticator and optional response overrides. */
  async enroll(
    token: string,
    authenticator = new SoftAuthenticator(),
    overrides: Parameters<SoftAuthenticator['register']>[1] = {},
  ): Promise<{ authenticator: SoftAuthenticator; response: JsonResponse }> {
    const options = await this.client(
      '/client/user-authenticators/passkey/registration-options',
      { username: 'u@example.com' },
      { token },
    );
    if (options.status !== 200) return { authenticator, response: options };
    const { challengeId, options: creation } = options.json as {
      challengeId: string;
      options: { challenge: string; user: { id: string } };
    };
    const registrationCredential = authenticator.register(creation, overrides);
    const response = await this.client(
      '/client/user-authenticators/passkey',
      { registrationCredential, challengeId, conditionalCreate: false },
      { token },
    );
    return { authenticator, response };
  }

  async authenticationOptions(auth: { token?: string; tenant?: string }, body: object = {}) {
    const r = await this.client('/client/user-authenticators/passkey/authentication-options', body, auth);
    return r.json as { challengeId: string; options: { challenge: string; allowCredentials?: { id: string }[] } };
  }

  /** Tracks an action and enrolls a fresh software authenticator for the user. */
  async enrolledUser(userId: string): Promise<SoftAuthenticator> {
    const track = await this.server.track({
      userId,
      action: 'enroll-passkey',
      attributes: { scope: 'add:authenticators' },
    });
    const { authenticator, response } = await this.enroll(track.token);
    if (response.status !== 200) throw new Error(`enrollment failed: ${JSON.stringify(response.json)}`);
    return authenticator;
  }
}
