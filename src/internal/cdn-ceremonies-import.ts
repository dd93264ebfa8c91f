import type * as Ceremonies from '../sdk/passkey-ceremonies.js';
import { cdnBase } from './cdn-base.js';

/** The CDN builds' SDK file, `passkey-elements-sdk.js` next to the bundle, by address (not bundled). */
export const importCeremonies = (): Promise<typeof Ceremonies> =>
  import(/* @vite-ignore */ new URL('passkey-elements-sdk.js', cdnBase).href);
