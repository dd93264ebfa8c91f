import type * as Ceremonies from '../sdk/passkey-ceremonies.js';

let failedUrl: string | undefined;

/**
 * A dynamic import, so that bundlers (Vite, webpack, esbuild) put the SDK and its glue in a chunk
 * of their own. The CDN builds swap this module for cdn-ceremonies-import.ts (see vite.config.ts).
 *
 * `retry` counts the failed attempts before this one. A browser keeps a failed module fetch for
 * the rest of the page (Chromium does), so the same import would fail again at once: a retry asks
 * for the address the failure named, made new by a query, and so downloads again.
 */
export function importCeremonies(retry = 0): Promise<typeof Ceremonies> {
  if (retry && failedUrl) return import(/* @vite-ignore */ /* webpackIgnore: true */ `${failedUrl}?retry=${retry}`);
  return import('../sdk/passkey-ceremonies.js').catch((error: unknown) => {
    failedUrl ??= /\bhttps?:\/\/\S+?\.m?[jt]s\b/.exec(String((error as Error | null)?.message))?.[0];
    throw error;
  });
}
