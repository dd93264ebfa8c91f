import type * as Dialog from '../components/step-up-challenge/dialog/step-up-dialog.js';
import { retryableImport } from './retryable-import.js';

/**
 * The step-up's modal dialog, as a dynamic import that bundlers split off: only a page with a
 * `modal` step-up loads it. The CDN builds swap this module for cdn-dialog-import.ts (see vite.config.ts).
 */
export const importDialog: (retry: number) => Promise<typeof Dialog> = retryableImport(
  () => import('../components/step-up-challenge/dialog/step-up-dialog.js'),
);
