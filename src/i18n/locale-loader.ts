import type { PasskeyTranslation } from '../internal/strings.js';
import type { ShippedLocale } from './locale-codes.js';

// Static imports, so that bundlers (Vite, webpack, esbuild) split each locale into a chunk of its
// own. The CDN builds swap this module for cdn-locale-loader.ts (see vite.config.ts).
const loaders: Record<ShippedLocale, () => Promise<{ default: PasskeyTranslation }>> = {
  ar: () => import('../locales/ar.js'),
  de: () => import('../locales/de.js'),
  es: () => import('../locales/es.js'),
  fr: () => import('../locales/fr.js'),
  it: () => import('../locales/it.js'),
  ja: () => import('../locales/ja.js'),
  nl: () => import('../locales/nl.js'),
  pl: () => import('../locales/pl.js'),
  'pt-br': () => import('../locales/pt-br.js'),
  sv: () => import('../locales/sv.js'),
  'zh-hans': () => import('../locales/zh-hans.js'),
};

export const loadLocale = (locale: ShippedLocale) => loaders[locale]();
