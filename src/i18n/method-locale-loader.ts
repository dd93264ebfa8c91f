import type { StepUpMethodStrings } from '../internal/strings.js';
import type { ShippedLocale } from './locale-codes.js';

// Static imports, so that bundlers split each language's method strings into a chunk of its own.
// The CDN builds swap this module for cdn-method-locale-loader.ts (see vite.config.ts).
const loaders: Record<ShippedLocale, () => Promise<{ default: StepUpMethodStrings }>> = {
  ar: () => import('../locales/methods/ar.js'),
  de: () => import('../locales/methods/de.js'),
  es: () => import('../locales/methods/es.js'),
  fr: () => import('../locales/methods/fr.js'),
  it: () => import('../locales/methods/it.js'),
  ja: () => import('../locales/methods/ja.js'),
  nl: () => import('../locales/methods/nl.js'),
  pl: () => import('../locales/methods/pl.js'),
  'pt-br': () => import('../locales/methods/pt-br.js'),
  sv: () => import('../locales/methods/sv.js'),
  'zh-hans': () => import('../locales/methods/zh-hans.js'),
};

export const loadMethodLocale = (locale: ShippedLocale) => loaders[locale]();
