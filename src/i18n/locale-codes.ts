/**
 * The translations shipped with the package (lower case, as their file names), each a module of
 * its own, loaded when first needed. English is in every bundle.
 */
export type ShippedLocale = 'ar' | 'de' | 'es' | 'fr' | 'it' | 'ja' | 'nl' | 'pl' | 'pt-br' | 'sv' | 'zh-hans';

export const SHIPPED_LOCALES = 'ar de es fr it ja nl pl pt-br sv zh-hans'.split(' ') as ShippedLocale[];
