import type { ServerResponse } from 'node:http';

/**
 * CORS for the client API: only the configured origins may call it from a browser. The server
 * API is never offered to browsers (it takes the secret key).
 */
export class CorsPolicy {
  private readonly allowed: Set<string>;

  constructor(origins: readonly string[]) {
    this.allowed = new Set(origins.map((o) => new URL(o).origin));
  }

  isAllowed(origin: string): boolean {
    return this.allowed.has(origin);
  }

  /** Allows one more origin (the emulator's own, where its pre-built UI runs). */
  allow(origin: string): void {
    this.allowed.add(new URL(origin).origin);
  }

  apply(response: ServerResponse, origin: string): void {
    response.setHeader('Access-Control-Allow-Origin', origin);
    response.setHeader('Access-Control-Allow-Credentials', 'true');
    response.setHeader('Vary', 'Origin');
  }

  applyPreflight(response: ServerResponse, origin: string): void {
    this.apply(response, origin);
    response.setHeader('Access-Control-Allow-Methods', 'GET, POST, PATCH, DELETE, OPTIONS');
    response.setHeader('Access-Control-Allow-Headers', 'authorization, content-type, x-authsignal-version');
    response.setHeader('Access-Control-Max-Age', '600');
  }
}
