import type { StepUpMethodStrings } from '../internal/strings.js';
import type { ShippedLocale } from './locale-codes.js';

// Through a variable: Vite rewrites `new URL(<template>, import.meta.url)` into a glob of assets.
const here = import.meta.url;

/** The CDN builds' `locales/methods/<code>.js`, next to the methods file (itself next to the bundle). */
export const loadMethodLocale = (locale: ShippedLocale): Promise<{ default: StepUpMethodStrings }> =>
  import(/* @vite-ignore */ new URL(`locales/methods/${locale}.js`, here).href);
