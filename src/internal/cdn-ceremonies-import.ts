import type * as Ceremonies from '../sdk/passkey-ceremonies.js';
import { cdnBase } from './cdn-base.js';

/**
 * The CDN builds' SDK file, `passkey-elements-sdk.js` next to the bundle, by address (not bundled).
 * A retry adds a query: the browser keeps a failed module fetch for the page (see retryable-import.ts).
 */
export const importCeremonies = (retry: number): Promise<typeof Ceremonies> =>
  import(/* @vite-ignore */ new URL(`passkey-elements-sdk.js${retry ? `?retry=${retry}` : ''}`, cdnBase).href);
