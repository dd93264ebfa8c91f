import { importDialog } from './dialog-import.js';
import { onDemand } from './sdk-loader.js';

/** The step-up's modal dialog (src/components/step-up-challenge/dialog/), once per page. */
export const loadDialog = /* @__PURE__ */ onDemand(importDialog);
