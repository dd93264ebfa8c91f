import type * as Methods from '../components/step-up-challenge/methods/method-chooser.js';
import { cdnBase } from './cdn-base.js';

/**
 * The CDN builds' `passkey-elements-methods.js`, next to the bundle, by address. A retry adds a
 * query: the browser keeps a failed module fetch for the page (see retryable-import.ts).
 */
export const importMethods = (retry: number): Promise<typeof Methods> =>
  import(/* @vite-ignore */ new URL(`passkey-elements-methods.js${retry ? `?retry=${retry}` : ''}`, cdnBase).href);
