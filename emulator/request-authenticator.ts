import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { ApiError } from './api-error.js';
import type { ApiRequest, Router } from '../shared/router.js';
import type { TokenClaims, TokenService } from './token-service.js';

export type ClientCaller = { kind: 'token'; claims: TokenClaims } | { kind: 'tenant' };

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();
const sameSecret = (a: string, b: string): boolean => timingSafeEqual(digest(a), digest(b));

function decodeBasic(header: string | undefined): string | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header ?? '');
  if (!match) return undefined;
  try {
    return Buffer.from(match[1]!, 'base64').toString('utf8');
  } catch {
    return undefined;
  }
}

/** Who is calling: the tenant's backend (secret), or a browser (tenant id or a client token). */
export class RequestAuthenticator {
  constructor(
    private readonly tenantId: string,
    private readonly secret: string,
    private readonly tokens: TokenService,
  ) {}

  /** Server API: `Basic base64(secret + ":")`, as `@authsignal/node` sends it. */
  requireSecret(headers: IncomingHttpHeaders): void {
    const decoded = decodeBasic(headers.authorization);
    const user = decoded?.endsWith(':') ? decoded.slice(0, -1) : decoded;
    if (user === undefined || !sameSecret(user, this.secret)) throw ApiError.unauthorized();
  }

  /** A server-API route handler: the secret checked first, then `handler`'s answer as the body. */
  readonly serverRoute =
    (handler: (r: ApiRequest) => Promise<unknown> | unknown) =>
    async (r: ApiRequest): Promise<{ body: unknown }> => {
      this.requireSecret(r.headers);
      return { body: await handler(r) };
    };

  /**
   * Client API: `Bearer <token>`, or `Basic base64(tenantId)` as the browser SDK sends it, or
   * `Basic base64(tenantId + ":")` as the docs' curl examples do.
   */
  async client(headers: IncomingHttpHeaders): Promise<ClientCaller> {
    const header = headers.authorization ?? '';
    const bearer = /^Bearer\s+(\S+)$/i.exec(header);
    if (bearer) return { kind: 'token', claims: await this.tokens.verify(bearer[1]!) };
    const decoded = decodeBasic(header);
    const tenant = decoded?.endsWith(':') ? decoded.slice(0, -1) : decoded;
    // The SDK URI-encodes the tenant id before base64.
    if (tenant !== undefined && (tenant === this.tenantId || safeDecode(tenant) === this.tenantId)) {
      return { kind: 'tenant' };
    }
    throw ApiError.unauthorized('A client token (Bearer) or the tenant id (Basic) is required.');
  }

  /** The claims of a token caller; endpoints that act for a user refuse the bare tenant id. */
  static tokenClaims(caller: ClientCaller): TokenClaims {
    if (caller.kind !== 'token') {
      throw ApiError.unauthorized('This endpoint needs the token from track (Authorization: Bearer).');
    }
    return caller.claims;
  }
}

function safeDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/** A server-API route: method, pattern and the handler whose answer is the body. */
export type ServerRoute = [method: string, pattern: string, handler: (r: ApiRequest) => Promise<unknown> | unknown];

/**
 * Registers server-API routes, each behind the secret. The authenticator is read when a request
 * comes, not at registration: tools that walk the API (the fuzzer) register with an empty context.
 */
export function addServerRoutes(router: Router, ctx: { auth: RequestAuthenticator }, routes: ServerRoute[]): void {
  for (const [method, pattern, handler] of routes) router.add(method, pattern, (r) => ctx.auth.serverRoute(handler)(r));
}
