import type * as Ceremonies from '../sdk/passkey-ceremonies.js';
import { retryableImport } from './retryable-import.js';

/**
 * A dynamic import, so that bundlers (Vite, webpack, esbuild) put the SDK and its glue in a chunk
 * of their own. The CDN builds swap this module for cdn-ceremonies-import.ts (see vite.config.ts).
 */
export const importCeremonies: (retry: number) => Promise<typeof Ceremonies> = retryableImport(
  () => import('../sdk/passkey-ceremonies.js'),
);
