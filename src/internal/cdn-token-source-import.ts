import type * as Tokens from '../sdk/token-source.js';
import { cdnBase } from './cdn-base.js';

/**
 * The CDN builds' `passkey-elements-token.js`, next to the bundle, by address. A retry adds a
 * query: the browser keeps a failed module fetch for the page (see retryable-import.ts).
 */
export const importTokenSource = (retry: number): Promise<typeof Tokens> =>
  import(/* @vite-ignore */ new URL(`passkey-elements-token.js${retry ? `?retry=${retry}` : ''}`, cdnBase).href);
