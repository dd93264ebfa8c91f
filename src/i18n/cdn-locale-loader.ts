import type { PasskeyTranslation } from '../internal/strings.js';
import type { ShippedLocale } from './locale-codes.js';

// The CDN bundles load `locales/<code>.js` from next to themselves. The classic-script build has
// no `import.meta`: there the script's own address is read while it runs (later it is gone).
const base = (document.currentScript as HTMLScriptElement | null)?.src || import.meta.url;

export const loadLocale = (locale: ShippedLocale): Promise<{ default: PasskeyTranslation }> =>
  import(/* @vite-ignore */ new URL(`locales/${locale}.js`, base).href);
