import type { PasskeyManagerStrings } from '../internal/strings.js';
import type { ShippedLocale } from './locale-codes.js';

// Static imports, so that bundlers split each language's manager strings into a chunk of its own.
// The CDN build swaps this module for cdn-manager-locale-loader.ts (see vite.config.ts).
const loaders: Record<ShippedLocale, () => Promise<{ default: PasskeyManagerStrings }>> = {
  ar: () => import('../locales/manager/ar.js'),
  de: () => import('../locales/manager/de.js'),
  es: () => import('../locales/manager/es.js'),
  fr: () => import('../locales/manager/fr.js'),
  it: () => import('../locales/manager/it.js'),
  ja: () => import('../locales/manager/ja.js'),
  nl: () => import('../locales/manager/nl.js'),
  pl: () => import('../locales/manager/pl.js'),
  'pt-br': () => import('../locales/manager/pt-br.js'),
  sv: () => import('../locales/manager/sv.js'),
  'zh-hans': () => import('../locales/manager/zh-hans.js'),
};

export const loadManagerLocale = (locale: ShippedLocale) => loaders[locale]();
