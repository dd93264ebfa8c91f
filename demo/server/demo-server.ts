import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Authsignal } from '@authsignal/node';
import { BankStore } from './bank-store.js';
import { DemoApi } from './demo-api.js';
import type { DemoConfig } from './demo-config.js';
import { createEmulatorHandler, loadRulesFile, type EmulatorHandler } from '../../emulator/index.js';
import { Router, toApiRequest } from '../../shared/router.js';
import { PasswordHasher } from './password-hasher.js';
import { HttpError } from '../../shared/http-error.js';
import { closeServer, listen, requestUrl, send, sendJson } from '../../shared/http-server.js';
import { JsonBodyError, MAX_JSON_DEPTH, readJsonBody } from '../../shared/json-body.js';
import { staticFile } from './static-files.js';

export interface RunningDemo {
  url: string;
  port: number;
  /** The embedded emulator, when not running against real Authsignal. */
  emulator?: EmulatorHandler;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024;
const EMULATOR_TENANT = 'demo-tenant';
/** The embedded emulator's app client: passkey sign-ins become Authsignal sessions for it. */
const DEMO_CLIENT_ID = 'demo-bank';
/**
 * What the bank asks Authsignal to decide, in Authsignal's own rule model: with the embedded
 * emulator this file is the tenant's configuration; against real Authsignal the same action
 * codes and rules are set up in its portal (or with its Terraform provider).
 */
export const RULES_FILE = fileURLToPath(new URL('../rules.json', import.meta.url));

async function readJson(request: IncomingMessage): Promise<unknown> {
  let body: unknown;
  try {
    body = await readJsonBody(request, MAX_BODY_BYTES);
  } catch (error) {
    if (!(error instanceof JsonBodyError)) throw error;
    if (error.reason === 'too-large') throw new HttpError(413, 'too_large', 'The request is too large.');
    if (error.reason === 'too-deep') {
      throw new HttpError(400, 'too_deep', `The request is nested deeper than ${MAX_JSON_DEPTH} levels.`);
    }
    if (error.reason === 'aborted') throw error;
    throw new HttpError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'invalid_json', 'The request body must be a JSON object.');
  }
  return body;
}

/**
 * Cross-site request forgery: a state-changing request must be JSON (which a form cannot send
 * cross-site without a preflight) and, when the browser says where it comes from, from the bank's
 * own public origin. Never compared with the request's own Host: a page that rebinds its DNS name
 * to this server sends a Host and an Origin that agree with each other.
 */
function checkSameOrigin(request: IncomingMessage, publicOrigin: string): void {
  if (!(request.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
    throw new HttpError(415, 'unsupported_media_type', 'Send the request as application/json.');
  }
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    throw new HttpError(403, 'cross_origin', 'Requests from other sites are refused.');
  }
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== publicOrigin) {
    throw new HttpError(403, 'cross_origin', 'Requests from other sites are refused.');
  }
}

/** A secret for the embedded emulator, created once per data folder (tokens survive restarts). */
function emulatorSecret(dataDir: string | undefined): string {
  if (!dataDir) return randomBytes(32).toString('base64url');
  const file = join(dataDir, 'emulator-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** The money-transfer demo: page, backend and (unless real Authsignal is configured) the emulator, on one port. */
export async function startDemoServer(
  config: DemoConfig,
  /** Tests may pass a cheaper password hasher; the demo uses scrypt at full cost. */
  hasher = new PasswordHasher(),
): Promise<RunningDemo> {
  const store = new BankStore(config.dataDir ? join(config.dataDir, 'bank.json') : undefined);
  const router = new Router();
  let emulator: EmulatorHandler | undefined;
  let csp = '';
  /** Where people reach the bank: the only Origin its state-changing requests may come from. */
  let publicOrigin = '';

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = requestUrl(request);
    if (!url) throw new HttpError(400, 'invalid_url', 'The request target is not a valid URL.');
    const method = request.method ?? 'GET';
    if (emulator && url.pathname.startsWith('/v1/')) return emulator.handle(request, response);
    const security = {
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY',
      'Cache-Control': 'no-store',
    };
    if (url.pathname.startsWith('/api/')) {
      if (method !== 'GET') checkSameOrigin(request, publicOrigin);
      const match = router.match(method, url.pathname);
      if (match.kind === 'none') throw new HttpError(404, 'not_found', `No endpoint ${method} ${url.pathname}.`);
      if (match.kind === 'wrong-method')
        throw new HttpError(405, 'method_not_allowed', `${method} is not allowed here.`);
      const body = method === 'GET' ? {} : await readJson(request);
      const result = await match.handler(toApiRequest(request, url, match.params, body));
      return sendJson(request, response, result.status ?? 200, result.body, { ...security, ...result.headers });
    }
    const file = method === 'GET' ? await staticFile(url.pathname) : undefined;
    if (!file) throw new HttpError(404, 'not_found', 'Not found.');
    return send(request, response, 200, file.body, { 'Content-Type': file.type, ...security });
  };

  const server = createServer((request, response) => {
    handle(request, response)
      .catch((error: unknown) => {
        // The client is gone, or Node's parser has answered a malformed body itself.
        if (response.headersSent || error instanceof JsonBodyError) return void response.destroy();
        const known = error instanceof HttpError;
        // An AuthsignalError means the API behind us failed: a bad gateway, not our bug.
        const status = known ? error.status : (error as Error).name === 'AuthsignalError' ? 502 : 500;
        if (!known) console.error('[demo] request failed:', (error as Error).message);
        const body = known
          ? { error: error.code, message: error.message, ...error.extra }
          : { error: 'server_error', message: 'Something went wrong. Please try again.' };
        return sendJson(request, response, status, body);
      })
      .catch(() => response.destroy());
  });
  const port = await listen(server, config.port, config.host);
  // WebAuthn needs a host name: localhost, not 127.0.0.1.
  const url = `http://localhost:${port}`;
  publicOrigin = config.publicOrigin ?? url;

  let client: Authsignal;
  let browser: { tenantId: string; baseUrl: string };
  let sessionClientId: string | undefined;
  if (config.authsignal) {
    client = new Authsignal({ apiSecretKey: config.authsignal.secret, apiUrl: config.authsignal.apiUrl });
    sessionClientId = config.authsignal.clientId;
    browser = { tenantId: config.authsignal.tenantId, baseUrl: config.authsignal.apiUrl };
    csp = policy(new URL(config.authsignal.apiUrl).origin);
  } else {
    const secret = emulatorSecret(config.dataDir);
    emulator = createEmulatorHandler({
      tenantId: EMULATOR_TENANT,
      secret,
      origins: [publicOrigin],
      rpId: new URL(publicOrigin).hostname,
      rpName: 'Demo Bank',
      dataFile: config.dataDir ? join(config.dataDir, 'emulator.json') : undefined,
      rules: loadRulesFile(RULES_FILE),
      clientIds: [DEMO_CLIENT_ID],
    });
    sessionClientId = DEMO_CLIENT_ID;
    emulator.setBaseUrl(`${url}/v1`);
    client = new Authsignal({ apiSecretKey: secret, apiUrl: `${url}/v1` });
    browser = { tenantId: EMULATOR_TENANT, baseUrl: `${url}/v1` };
    csp = policy();
  }
  const devOutbox = emulator ? (userId: string) => emulator!.outboxOf(userId) : undefined;
  new DemoApi(
    store,
    client,
    hasher,
    () => browser,
    config.confirmsPerMinute,
    devOutbox,
    config.signInsPerAddressPerMinute,
    sessionClientId,
  ).register(router);

  return {
    url,
    port,
    emulator,
    close: () => closeServer(server),
  };
}

/** No inline script or style anywhere: the elements style themselves with constructable stylesheets. */
function policy(apiOrigin?: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self'${apiOrigin ? ` ${apiOrigin}` : ''}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}
