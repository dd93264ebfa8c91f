import { cdnBase } from '../internal/cdn-base.js';
import type { PasskeyManagerStrings } from '../internal/strings.js';
import type { ShippedLocale } from './locale-codes.js';

/** The CDN's `locales/manager/<code>.js`, next to `passkey-manager.js`, by address. */
export const loadManagerLocale = (locale: ShippedLocale): Promise<{ default: PasskeyManagerStrings }> =>
  import(/* @vite-ignore */ new URL(`locales/manager/${locale}.js`, cdnBase).href);
