import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

export interface ApiRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
  remoteAddress: string;
}

export interface ApiResponse {
  status?: number;
  body: unknown;
  headers?: Record<string, string | string[]>;
}

export type Handler = (request: ApiRequest) => Promise<ApiResponse> | ApiResponse;

interface Route {
  method: string;
  pattern: string;
  segments: string[];
  handler: Handler;
}

export type RouteMatch =
  | { kind: 'found'; handler: Handler; params: Record<string, string>; pattern: string }
  | { kind: 'wrong-method'; allowed: string[] }
  | { kind: 'none' };

/** Exact-segment routing with `:name` parameters; nothing more is needed for a fixed API. */
export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method, pattern, segments: pattern.split('/').filter(Boolean), handler });
    return this;
  }

  /** Every route as `method` and `pattern` (`/v1/users/:userId`), for tools that walk the API. */
  list(): { method: string; pattern: string }[] {
    return this.routes.map(({ method, pattern }) => ({ method, pattern }));
  }

  /**
   * The route for `method` and `path`. Another method's route answers `wrong-method` (405) only
   * where it matches the path by its literal segments alone: where a parameter took a segment,
   * the path names no known resource (`POST /users/authenticators` is not a user called
   * "authenticators"), so it is `none` (404), as Authsignal answers.
   */
  match(method: string, path: string): RouteMatch {
    const parts = path.split('/').filter(Boolean);
    const allowed: string[] = [];
    for (const route of this.routes) {
      const params = Router.matchSegments(route.segments, parts);
      if (!params) continue;
      if (route.method === method) return { kind: 'found', handler: route.handler, params, pattern: route.pattern };
      if (Object.keys(params).length === 0) allowed.push(route.method);
    }
    return allowed.length ? { kind: 'wrong-method', allowed } : { kind: 'none' };
  }

  private static matchSegments(pattern: string[], parts: string[]): Record<string, string> | undefined {
    if (pattern.length !== parts.length) return undefined;
    const params: Record<string, string> = {};
    for (let i = 0; i < pattern.length; i++) {
      const expected = pattern[i]!;
      let actual: string;
      try {
        actual = decodeURIComponent(parts[i]!);
      } catch {
        return undefined;
      }
      if (expected.startsWith(':')) params[expected.slice(1)] = actual;
      else if (expected !== actual) return undefined;
    }
    return params;
  }
}

/** The handler's view of a request that matched a route. */
export function toApiRequest(
  request: IncomingMessage,
  url: URL,
  params: Record<string, string>,
  body: unknown,
): ApiRequest {
  return {
    method: request.method ?? 'GET',
    path: url.pathname,
    params,
    query: url.searchParams,
    headers: request.headers,
    body,
    remoteAddress: request.socket.remoteAddress ?? '',
  };
}
