import { unsafeCSS, type CSSResult } from 'lit';

/**
 * `css` for the elements' own style sheets, which are static text: no interpolation, so none of
 * the checks Lit's `css` runs on interpolated values (and their long error messages, about 90 B
 * gzip of every page's bundle). A sheet made here is as safe as Lit's: it is a literal in our
 * source. Named `css` so that the build minifies its templates like Lit's.
 */
export const css = (strings: TemplateStringsArray): CSSResult => unsafeCSS(strings[0]);
