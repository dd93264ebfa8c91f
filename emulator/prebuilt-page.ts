import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { send } from '../shared/http-server.js';
import { ApiError } from './api-error.js';
import type { EmulatorContext } from './emulator-context.js';
import { methodsView } from './verification-methods.js';

const PREFIX = '/v1/prebuilt';
/** Files of the CDN build the page may load: modules and their language files, nothing else. */
const ASSET = /^(?:[a-z0-9-]+\/){0,2}[a-z0-9-]+\.js$/;

/**
 * Where the CDN build is: beside the kit in the package (`dist/kit/emulator` → `dist/cdn`), or
 * in this repository once built (`emulator/` → `dist/cdn`).
 */
function cdnFolder(): string | undefined {
  for (const relative of ['../../cdn/', '../dist/cdn/']) {
    const folder = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(`${folder}passkey-elements.js`)) return folder;
  }
  return undefined;
}

/** What the page's script reads: no token (that stays in the address, where Authsignal puts it). */
interface PageConfig {
  tenantId: string;
  baseUrl: string;
  /** The user has no way to confirm yet: create a passkey instead of a step-up. */
  enroll: boolean;
  methods: string[];
  userId: string;
  redirectUrl?: string;
  popup: boolean;
  /** Where a popup's result may be posted: the tenant's own origins, never `*`. */
  origins: string[];
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

// The page's own script: reads the token from the address, then removes it from the address and
// history; runs the step-up (or enrollment); returns to the track's redirectUrl with ?token=, or
// tells the opener (popup mode) with Authsignal's message, to the tenant's origins only.
const SCRIPT = `import './passkey-elements.js';
const config = JSON.parse(document.getElementById('config').textContent);
const token = new URLSearchParams(location.search).get('token');
history.replaceState(null, '', location.pathname + (config.popup ? '?mode=popup' : ''));
const tell = (message) => {
  const target = window.opener ?? (window.parent !== window ? window.parent : undefined);
  if (target) for (const origin of config.origins) target.postMessage(JSON.stringify(message), origin);
};
const done = (next) => {
  if (config.popup) tell({ event: 'AUTHSIGNAL_CLOSE_POPUP', token: next });
  if (config.redirectUrl) {
    const url = new URL(config.redirectUrl);
    url.searchParams.set('token', next);
    location.replace(url.href);
    return;
  }
  if (!config.popup) document.getElementById('status').textContent = 'Done. You can close this page.';
};
const element = document.createElement(config.enroll ? 'passkey-enroll' : 'step-up-challenge');
element.setAttribute('tenant-id', config.tenantId);
element.setAttribute('base-url', config.baseUrl);
if (!config.enroll) {
  element.setAttribute('methods', config.methods.join(' '));
  element.setAttribute('user-id', config.userId);
}
element.token = token ?? undefined;
element.addEventListener(config.enroll ? 'passkey-enroll-success' : 'step-up-challenge-success', (event) =>
  done(event.detail.token),
);
document.getElementById('ceremony').append(element);
tell({ event: 'AUTHSIGNAL_READY' });
`;

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0;display:grid;place-items:center;min-height:100vh;background:#f5f6f8;color:#1b1f24}
main{background:#fff;border-radius:12px;box-shadow:0 1px 4px #0002;padding:2rem;max-width:26rem;width:calc(100% - 2rem)}
h1{font-size:1.25rem;margin:0 0 1rem}p{margin:.5rem 0}.note{color:#555;font-size:.875rem}`;

/**
 * Authsignal's hosted pre-built UI, offline: the page `track`'s `url` points at
 * (`/v1/prebuilt/?token=…`), built from this package's own elements. A user with a way to confirm
 * gets `<step-up-challenge>` with the methods the action permits; a user with none creates a
 * passkey with `<passkey-enroll>`. Success returns to the track's `redirectUrl` with `?token=`, as
 * Authsignal's page does; `&mode=popup` (the SDK's `launch(url, { mode: 'popup' })`) posts
 * `AUTHSIGNAL_CLOSE_POPUP` with the token to the tenant's origins instead of `*`.
 */
export class PrebuiltPage {
  readonly #cdn = cdnFolder();

  constructor(
    private readonly ctx: EmulatorContext,
    private readonly tenantId: string,
  ) {}

  handles(pathname: string): boolean {
    return pathname === PREFIX || pathname.startsWith(`${PREFIX}/`);
  }

  async serve(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      throw new ApiError(405, 'method_not_allowed', `${request.method} is not allowed on ${url.pathname}.`);
    }
    const rest = url.pathname.slice(PREFIX.length);
    if (rest === '' || rest === '/') return this.page(request, response, url);
    const asset = rest.startsWith('/assets/') ? rest.slice('/assets/'.length) : undefined;
    if (asset === 'prebuilt.js') return this.asset(request, response, SCRIPT, 'text/javascript');
    if (asset === 'prebuilt.css') return this.asset(request, response, STYLE, 'text/css');
    if (asset !== undefined && ASSET.test(asset) && this.#cdn) {
      const file = `${this.#cdn}${asset}`;
      if (existsSync(file)) return this.asset(request, response, readFileSync(file), 'text/javascript');
    }
    throw ApiError.notFound(`No page ${url.pathname}.`);
  }

  private asset(request: IncomingMessage, response: ServerResponse, body: string | Buffer, type: string) {
    return send(request, response, 200, body, {
      'Content-Type': `${type}; charset=utf-8`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    });
  }

  private async page(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const popup = url.searchParams.get('mode') === 'popup';
    const own = this.ctx.baseUrl() ? new URL(this.ctx.baseUrl()).origin : undefined;
    const embedders = this.ctx.origins.filter((o) => o !== own);
    const headers = {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        // Framed only by the tenant's own pages, and only in popup mode.
        `frame-ancestors ${popup && embedders.length ? embedders.join(' ') : "'none'"}`,
      ].join('; '),
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    };
    const fail = (status: number, message: string) =>
      send(
        request,
        response,
        status,
        this.html('Link not usable', `<p role="alert">${escapeHtml(message)}</p>`),
        headers,
      );
    if (!this.#cdn) {
      return fail(503, 'The pre-built UI needs the CDN build of passkey-elements (npm run build).');
    }
    // Never the request's own Host header: a forged one would point the page's ceremonies elsewhere.
    if (!this.ctx.baseUrl()) return fail(503, 'The emulator has no public address yet (setBaseUrl).');
    const token = url.searchParams.get('token');
    if (!token) return fail(400, 'This page needs the token from track. Go back and try again.');
    let claims;
    try {
      claims = await this.ctx.tokens.verify(token);
    } catch {
      return fail(401, 'This link has expired or is not valid. Go back and try again.');
    }
    const action = this.ctx.store.getAction(claims.userId, claims.actionCode, claims.idempotencyKey);
    if (!action) return fail(401, 'This link has expired or is not valid. Go back and try again.');
    if (action.state === 'BLOCK') return fail(403, 'This action is blocked.');
    const authenticators = this.ctx.store.listAuthenticators(claims.userId);
    const redirect = action.attributes.redirectUrl;
    const redirectUrl =
      typeof redirect === 'string' && URL.canParse(redirect) && /^https?:$/.test(new URL(redirect).protocol)
        ? redirect
        : undefined;
    const config: PageConfig = {
      tenantId: this.tenantId,
      baseUrl: this.ctx.baseUrl(),
      enroll: authenticators.length === 0,
      methods: methodsView({ methods: action.permittedMethods, defaultMethod: action.defaultMethod }, authenticators)
        .allowedVerificationMethods,
      userId: claims.userId,
      ...(redirectUrl ? { redirectUrl } : {}),
      popup,
      origins: embedders,
    };
    // JSON in a data block: `<` escaped, so no text of the config can close the element.
    const data = JSON.stringify(config).replace(/</g, '\\u003c');
    const title = config.enroll ? 'Create a passkey' : 'Confirm it is you';
    const body = `<div id="ceremony"></div><p id="status" role="status"></p>
<p class="note">Local Authsignal emulator: the pre-built UI, made of passkey-elements.</p>
<script type="application/json" id="config">${data}</script>`;
    return send(request, response, 200, this.html(title, body, true), headers);
  }

  private html(title: string, body: string, withScript = false): string {
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${PREFIX}/assets/prebuilt.css">
${withScript ? `<script type="module" src="${PREFIX}/assets/prebuilt.js"></script>` : ''}
</head>
<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body>
</html>
`;
  }
}
