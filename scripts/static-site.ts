import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { closeServer, listen } from '../shared/http-server.js';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export interface StaticSite {
  /** `http://localhost:<port>`: WebAuthn needs a host name, not 127.0.0.1. */
  url: string;
  port: number;
  /** Hands every request under `prefix` (e.g. `/v1/`) to `handler`: an emulator, a proxy, a stub. */
  mount(prefix: string, handler: Handler): void;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.map': 'application/json',
  '.json': 'application/json',
};

/**
 * Serves the files directly inside `folders` (relative to the working directory, no deeper, no
 * `..`) uncached, for benchmark and reliability pages; mounted handlers take their prefixes.
 */
export async function startStaticSite(folders: string[]): Promise<StaticSite> {
  const mounts: [string, Handler][] = [];
  const server = createServer(async (request, response) => {
    const path = (request.url ?? '/').split('?')[0]!;
    const mounted = mounts.find(([prefix]) => path.startsWith(prefix));
    if (mounted) return mounted[1](request, response);
    const slash = path.lastIndexOf('/');
    const allowed = folders.includes(path.slice(1, slash)) && /^[\w.-]+$/.test(path.slice(slash + 1));
    if (!allowed || path.includes('..')) return void response.writeHead(404).end();
    try {
      const body = await readFile(`.${path}`);
      response.writeHead(200, {
        'content-type': TYPES[path.slice(path.lastIndexOf('.'))] ?? 'text/plain',
        'cache-control': 'no-store',
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  const port = await listen(server, 0, '127.0.0.1');
  return {
    url: `http://localhost:${port}`,
    port,
    mount: (prefix, handler) => void mounts.push([prefix, handler]),
    close: () => closeServer(server),
  };
}
