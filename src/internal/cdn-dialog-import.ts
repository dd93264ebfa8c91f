import type * as Dialog from '../components/step-up-challenge/dialog/step-up-dialog.js';
import { cdnBase } from './cdn-base.js';

/**
 * The CDN builds' `passkey-elements-dialog.js`, next to the bundle, by address. A retry adds a
 * query: the browser keeps a failed module fetch for the page (see retryable-import.ts).
 */
export const importDialog = (retry: number): Promise<typeof Dialog> =>
  import(/* @vite-ignore */ new URL(`passkey-elements-dialog.js${retry ? `?retry=${retry}` : ''}`, cdnBase).href);
