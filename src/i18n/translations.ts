import en from '../locales/en.js';
import type { PasskeyTranslation } from '../internal/strings.js';
import { SHIPPED_LOCALES, type ShippedLocale } from './locale-codes.js';
import { loadLocale } from './locale-loader.js';

/**
 * By lower-case tag; `null` while a shipped locale loads, or after its load failed. No prototype:
 * `lang="constructor"` must not find Object's.
 */
const translations: Record<string, PasskeyTranslation | null> = { __proto__: null, en } as never;

/** Connected elements, re-rendered whenever a translation arrives or a language changes. */
export const localizedHosts = new Set<{ requestUpdate(): void }>();
/**
 * What elements with no `lang` or `dir` of their own resolved (language, nearest direction, and
 * the one they inherit), by parent node: its other children resolve the same. Emptied at the end
 * of the task that filled it, and whenever a translation arrives or a language changes.
 */
export const resolvedAround = new Map<Node, (string | undefined)[]>();
export const refreshLocalized = () => {
  resolvedAround.clear();
  localizedHosts.forEach((host) => host.requestUpdate());
};

export { en };

/**
 * Adds or replaces a whole language for both elements, e.g. `registerTranslation('ko', ko)`.
 * Registered languages win over the shipped ones; elements on the page switch at once.
 */
export function registerTranslation(locale: string, translation: PasskeyTranslation): void {
  translations[locale.toLowerCase()] = translation;
  refreshLocalized();
}

/**
 * The best language we have for a BCP 47 tag: the tag, then shorter and shorter prefixes
 * (`de-AT` → `de`). Portuguese without a translation of its own reads pt-BR; Chinese reads
 * zh-Hans unless the tag names Traditional script or a region that writes it.
 */
export function matchLocale(tag: string): string | undefined {
  for (const parts = tag.toLowerCase().split('-'); parts.length; parts.pop()) {
    let code = parts.join('-');
    if (!(code in translations)) {
      if (code === 'pt') code = 'pt-br';
      if (code === 'zh' && !/-(hant|tw|hk|mo)\b/i.test(tag)) code = 'zh-hans';
    }
    if (code in translations || SHIPPED_LOCALES.includes(code as ShippedLocale)) return code;
  }
  return undefined;
}

/** The translation for a matched code; undefined while it loads (the first call starts the load). */
export function translationFor(code: string): PasskeyTranslation | undefined {
  if (!(code in translations)) {
    translations[code] = null;
    // A failed load leaves the language unavailable: elements keep the language they have.
    loadLocale(code as ShippedLocale).then(
      (module) => {
        if (!translations[code]) registerTranslation(code, module.default);
      },
      () => console.warn(`passkey-elements: could not load locales/${code}.js`),
    );
  }
  return translations[code] ?? undefined;
}
