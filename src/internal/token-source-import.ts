import type * as Tokens from '../sdk/token-source.js';
import { retryableImport } from './retryable-import.js';

/**
 * `token-url`'s token source, as a dynamic import that bundlers split off: only an element with a
 * `token-url` loads it. The CDN builds swap this module for cdn-token-source-import.ts (see vite.config.ts).
 */
export const importTokenSource: (retry: number) => Promise<typeof Tokens> = retryableImport(
  () => import('../sdk/token-source.js'),
);
