import { cdnBase } from '../internal/cdn-base.js';
import type { PasskeyTranslation } from '../internal/strings.js';
import type { ShippedLocale } from './locale-codes.js';

/** The CDN bundles' `locales/<code>.js`, next to the bundle, by address. */
export const loadLocale = (locale: ShippedLocale): Promise<{ default: PasskeyTranslation }> =>
  import(/* @vite-ignore */ new URL(`locales/${locale}.js`, cdnBase).href);
