import type * as Methods from '../components/step-up-challenge/methods/method-chooser.js';
import { retryableImport } from './retryable-import.js';

/**
 * The step-up's other methods (code views, method switch, their strings), as a dynamic import that
 * bundlers split off: only a page whose `methods` name more than a passkey loads it. The CDN builds
 * swap this module for cdn-methods-import.ts (see vite.config.ts).
 */
export const importMethods: (retry: number) => Promise<typeof Methods> = retryableImport(
  () => import('../components/step-up-challenge/methods/method-chooser.js'),
);
