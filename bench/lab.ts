import { Authsignal } from '@authsignal/node';
import { createEmulatorHandler, type EmulatorHandler } from '../emulator/index.js';
import { startStaticSite, type StaticSite } from '../scripts/static-site.js';

export const TENANT = 'bench-tenant';
export const SECRET = 'bench-secret';

/**
 * The built CDN bundle and the benchmark pages (their elements use tenant `bench-tenant` and base
 * URL `/v1`) on one origin, with an in-process emulator under /v1 and the node SDK pointed at it.
 * `npm run bench` and `npm run test:reliability` both measure on it; `folders` adds pages.
 */
export interface Lab {
  site: StaticSite;
  emulator: EmulatorHandler;
  node: Authsignal;
  close(): Promise<void>;
}

export async function startLab(folders: string[] = []): Promise<Lab> {
  const site = await startStaticSite(['dist/cdn', 'dist/cdn/locales', 'bench/pages', ...folders]);
  const emulator = createEmulatorHandler({ tenantId: TENANT, secret: SECRET, origins: [site.url], rateLimit: false });
  emulator.setBaseUrl(`${site.url}/v1`);
  site.mount('/v1/', emulator.handle);
  const node = new Authsignal({ apiSecretKey: SECRET, apiUrl: `${site.url}/v1`, retries: 0 });
  return { site, emulator, node, close: () => site.close() };
}
