import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { closeServer, listen, requestUrl, send, sendJson } from '../shared/http-server.js';
import { JsonBodyError, MAX_JSON_DEPTH, readJsonBody } from '../shared/json-body.js';
import { compileRules, type ActionRules, type ShortActionRules } from './action-rules.js';
import { ApiError } from './api-error.js';
import { ChallengeRegistry } from './challenge-registry.js';
import { ClientApi } from './client-api.js';
import { CodeApi } from './code-api.js';
import { CodeChallenges } from './code-challenges.js';
import { CodeSender } from './code-sender.js';
import { CorsPolicy } from './cors-policy.js';
import type { EmulatorContext } from './emulator-context.js';
import { DEFAULTS, type EmulatorOptions, type FaultOptions } from './emulator-options.js';
import { EmulatorStore } from './emulator-store.js';
import { FaultInjector, type Fault } from './fault-injector.js';
import { PasskeyVerifier } from './passkey-verifier.js';
import { RateLimiter } from '../shared/rate-limiter.js';
import { RequestAuthenticator } from './request-authenticator.js';
import { Outbox, type OutboxMessage } from './outbox.js';
import { RequestLog, type LoggedRequest } from './request-log.js';
import { Router, toApiRequest } from '../shared/router.js';
import { PrebuiltPage } from './prebuilt-page.js';
import { ServerApi } from './server-api.js';
import { ServerChallenges } from './server-challenges.js';
import { ChallengeApi } from './challenge-api.js';
import { SessionApi } from './session-api.js';
import { TokenService } from './token-service.js';
import { UserApi } from './user-api.js';

const MAX_BODY_BYTES = 256 * 1024;
const ROUTES_KEPT = 5000;

export interface ServedRoute {
  method: string;
  route: string;
  status: number;
}

/** Every API the emulator serves, registered on `router`: one list for the server and for tools that walk it. */
export function registerEmulatorApis(
  router: Router,
  ctx: EmulatorContext,
  tenantId: string,
  options: EmulatorOptions,
): void {
  new ServerApi(ctx).register(router);
  new UserApi(ctx).register(router);
  new ClientApi(ctx).register(router);
  new CodeApi(ctx).register(router);
  new ChallengeApi(ctx).register(router);
  const clientIds = options.clientIds?.length ? options.clientIds : [...DEFAULTS.clientIds];
  if (clientIds.some((id) => !id)) throw new Error('A client id must not be empty.');
  new SessionApi(ctx, tenantId, clientIds, { ...DEFAULTS.sessions, ...options.sessions }).register(router);
}

/** The emulator as a request handler, to mount under `/v1` in another server (the demo does). */
export interface EmulatorHandler {
  tenantId: string;
  /** Handles a request whose path starts with `/v1/`. */
  handle(request: IncomingMessage, response: ServerResponse): void;
  /** Sets the public base URL (with `/v1`) used in `track` responses. */
  setBaseUrl(url: string): void;
  /** Test hook: the next `count` client-API requests of `userId` fail with `status`. */
  injectFault(fault: Fault): void;
  /** Client-API requests made with a token of `userId` (method and path only). */
  requestsOf(userId: string): LoggedRequest[];
  /**
   * The routes requests matched, oldest first, as `{ method, route, status }` (`route` the pattern,
   * `/v1/users/:userId`): which endpoints a test really reached. The last 5,000.
   */
  routesServed(): ServedRoute[];
  /** Codes "sent", newest first (to one address, or all): the development outbox. */
  outbox(to?: string): OutboxMessage[];
  /** Codes "sent" for this user's own actions, newest first (what a Dev inbox may show them). */
  outboxOf(userId: string): OutboxMessage[];
  /** Moves the emulator's clock forward (tokens live 10 minutes, codes 10, challenges 5). */
  advanceClock(seconds: number): void;
  /** The emulator's clock, in milliseconds (moved by `advanceClock`): e.g. for an authenticator app's code. */
  now(): number;
  /** Back to the real time. */
  resetClock(): void;
  /** Replaces the delays and failures (`EmulatorOptions.faults`); `{}` removes them. */
  setFaults(faults: FaultOptions): void;
  /**
   * Replaces the rules while running (a test switches a rule on); actions tracked before keep
   * their decision. Throws, changing nothing, on rules it cannot apply.
   */
  setRules(rules: ActionRules | ShortActionRules): void;
}

export interface RunningEmulator extends Omit<EmulatorHandler, 'handle' | 'setBaseUrl'> {
  /** Base URL including `/v1`: what `base-url` (the elements), `baseUrl` (browser SDK) and `apiUrl` (node SDK) take. */
  baseUrl: string;
  /** The same as `baseUrl`. */
  url: string;
  port: number;
  /** The API secret key for `@authsignal/node`. */
  secret: string;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  try {
    return await readJsonBody(request, MAX_BODY_BYTES);
  } catch (error) {
    if (!(error instanceof JsonBodyError)) throw error;
    if (error.reason === 'too-large') throw new ApiError(413, 'invalid_request', 'The request body is too large.');
    if (error.reason === 'too-deep') {
      throw ApiError.badRequest(`The request body is nested deeper than ${MAX_JSON_DEPTH} levels.`);
    }
    if (error.reason === 'aborted') throw error;
    throw ApiError.badRequest('The request body is not valid JSON.');
  }
}

/**
 * The local Authsignal-compatible API as a request handler. For development and tests only: it
 * keeps one tenant, speaks passkeys, email and SMS codes and authenticator apps (codes go to a
 * development outbox, never out), and stores data in a plain JSON file.
 */
export function createEmulatorHandler(options: EmulatorOptions = {}): EmulatorHandler {
  const tenantId = options.tenantId ?? DEFAULTS.tenantId;
  const secret = options.secret ?? DEFAULTS.secret;
  const origins = options.origins?.length ? [...options.origins] : [...DEFAULTS.origins];
  const rpId = options.rpId ?? DEFAULTS.rpId;
  const clock = options.now ?? Date.now;
  let clockOffsetMs = 0;
  const now = () => clock() + clockOffsetMs;
  if (!tenantId) throw new Error('The emulator needs a tenant id.');
  if (!secret) throw new Error('The emulator needs a secret key.');
  for (const origin of origins) {
    if (new URL(origin).origin !== origin.replace(/\/$/, '')) {
      throw new Error(`Origin ${origin} must be a bare origin such as http://localhost:5173.`);
    }
  }

  const rateLimit = options.rateLimit ?? DEFAULTS.rateLimit;
  let baseUrl = '';
  const tokens = new TokenService(secret, tenantId, now);
  const rpName = options.rpName ?? DEFAULTS.rpName;
  // eslint-disable-next-line no-console -- the development outbox prints one line per code sent
  const outbox = new Outbox(options.printOutbox === false ? () => undefined : (line) => console.log(line));
  const ctx: EmulatorContext = {
    store: new EmulatorStore(options.dataFile),
    tokens,
    challenges: new ChallengeRegistry(now),
    verifier: new PasskeyVerifier(rpId, rpName, origins),
    codes: new CodeChallenges(now),
    serverChallenges: new ServerChallenges(now),
    outbox,
    sender: new CodeSender(outbox, rpName, now),
    origins,
    rpName,
    auth: new RequestAuthenticator(tenantId, secret, tokens),
    rules: compileRules(options.rules ?? {}),
    rateLimiter: rateLimit
      ? new RateLimiter(rateLimit.max, rateLimit.windowSeconds * 1000, now)
      : new RateLimiter(Infinity, 1, now),
    faults: new FaultInjector(options.faults),
    requestLog: new RequestLog(),
    now,
    baseUrl: () => baseUrl,
  };
  const router = new Router();
  registerEmulatorApis(router, ctx, tenantId, options);
  const served: ServedRoute[] = [];
  const cors = new CorsPolicy(origins);
  const prebuilt = new PrebuiltPage(ctx, tenantId);

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = requestUrl(request);
    if (!url) throw ApiError.badRequest('The request target is not a valid URL.');
    const method = request.method ?? 'GET';
    const origin = request.headers.origin;
    const isClientApi = url.pathname.startsWith('/v1/client/');
    if (origin !== undefined && isClientApi) {
      if (!cors.isAllowed(origin)) {
        throw new ApiError(403, 'invalid_origin', `Origin ${origin} is not allowed for this tenant.`);
      }
      if (method === 'OPTIONS') {
        cors.applyPreflight(response, origin);
        return send(request, response, 204, '', {});
      }
      cors.apply(response, origin);
    }
    if (prebuilt.handles(url.pathname)) return prebuilt.serve(request, response, url);
    const failWith = await ctx.faults.forPath(url.pathname);
    if (failWith)
      throw new ApiError(failWith, failWith >= 500 ? 'internal_error' : 'injected_fault', 'Injected failure.');
    const match = router.match(method, url.pathname);
    if (match.kind === 'none') throw ApiError.notFound(`No endpoint ${method} ${url.pathname}.`);
    if (match.kind === 'wrong-method') {
      response.setHeader('Allow', match.allowed.join(', '));
      throw new ApiError(405, 'method_not_allowed', `${method} is not allowed on ${url.pathname}.`);
    }
    const entry: ServedRoute = { method, route: match.pattern, status: 0 };
    served.push(entry);
    if (served.length > ROUTES_KEPT) served.splice(0, served.length - ROUTES_KEPT);
    try {
      const body = method === 'GET' || method === 'DELETE' ? {} : await readBody(request);
      const result = await match.handler(toApiRequest(request, url, match.params, body));
      entry.status = result.status ?? 200;
      return sendJson(request, response, entry.status, result.body);
    } catch (error) {
      entry.status = error instanceof ApiError ? error.status : 500;
      throw error;
    }
  };

  return {
    tenantId,
    setBaseUrl: (url) => {
      baseUrl = url;
      // Its own origin serves the pre-built UI, whose ceremonies call the client API from there.
      const own = new URL(url).origin;
      if (!origins.includes(own)) origins.push(own);
      cors.allow(own);
    },
    handle: (request, response) => {
      handle(request, response)
        .catch((error: unknown) => {
          // The client is gone, or Node's parser has answered a malformed body itself.
          if (response.headersSent || error instanceof JsonBodyError) return void response.destroy();
          if (error instanceof ApiError) return sendJson(request, response, error.status, error.toBody());
          // Unexpected: answer JSON anyway (the browser SDK parses every body), without internals.
          console.error('[emulator] internal error:', (error as Error).message);
          const internal = new ApiError(500, 'internal_error', 'The emulator failed to handle the request.');
          return sendJson(request, response, 500, internal.toBody());
        })
        .catch(() => response.destroy());
    },
    injectFault: (fault) => ctx.faults.add(fault),
    requestsOf: (userId) => ctx.requestLog.forUser(userId),
    routesServed: () => served.map((e) => ({ ...e })),
    outbox: (to) => ctx.outbox.list(to),
    outboxOf: (userId) => ctx.outbox.listForUser(userId),
    advanceClock: (seconds) => {
      clockOffsetMs += seconds * 1000;
    },
    now,
    resetClock: () => {
      clockOffsetMs = 0;
    },
    setFaults: (faults) => {
      ctx.faults.options = faults;
    },
    setRules: (rules) => {
      ctx.rules = compileRules(rules);
    },
  };
}

/**
 * Starts the emulator on its own port: a free one unless `options.port` says, in memory unless
 * `options.dataFile` says. Answers with its address (`baseUrl`, with `/v1`), tenant id and secret.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const emulator = createEmulatorHandler(options);
  const server = createServer(emulator.handle);
  const port = await listen(server, options.port ?? 0, options.host ?? DEFAULTS.host);
  const url = `http://localhost:${port}/v1`;
  emulator.setBaseUrl(url);
  const { handle: _handle, setBaseUrl: _setBaseUrl, ...rest } = emulator;
  return {
    ...rest,
    baseUrl: url,
    url,
    port,
    secret: options.secret ?? DEFAULTS.secret,
    close: () => closeServer(server),
  };
}
