import { importMethods } from './methods-import.js';
import { onDemand } from './sdk-loader.js';

/** The step-up's other methods (src/components/step-up-challenge/methods/), once per page. */
export const loadMethods = /* @__PURE__ */ onDemand(importMethods);
