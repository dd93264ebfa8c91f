/**
 * The text of a style sheet written as css`…`: named `css` so that the build minifies it like Lit's;
 * static text only (no interpolation).
 */
export const css = (strings: TemplateStringsArray): string => strings[0]!;

const sheets = new Map<string, CSSStyleSheet>();

/**
 * Adds `cssText` to a shadow root as a constructable style sheet (one per text, shared by every
 * element), for views that load on demand and bring their own rules: an inline `<style>` would be
 * refused by a Content-Security-Policy without `'unsafe-inline'` for styles. False where a browser
 * cannot adopt style sheets: the view then renders a `<style>` instead (what Lit itself falls back to).
 */
export function adoptStyles(root: ShadowRoot, cssText: string): boolean {
  if (!('adoptedStyleSheets' in Document.prototype) || !('replaceSync' in CSSStyleSheet.prototype)) return false;
  let sheet = sheets.get(cssText);
  if (!sheet) {
    sheets.set(cssText, (sheet = new CSSStyleSheet()));
    sheet.replaceSync(cssText);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  return true;
}
