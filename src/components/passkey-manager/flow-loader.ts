import { retryableImport } from '../../internal/retryable-import.js';
import { onDemand } from '../../internal/sdk-loader.js';

/**
 * The change steps (and the step-up they run), as a dynamic import that bundlers and the CDN
 * build split off: loaded on intent, never before the list paints.
 */
export const loadFlow = /* @__PURE__ */ onDemand(retryableImport(() => import('./change-flow.js')));
