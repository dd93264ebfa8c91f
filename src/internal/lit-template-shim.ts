/**
 * What the CDN builds' on-demand methods file gets for `import { html, nothing } from 'lit'`
 * (see vite.config.ts): that file is loaded by the bundle, whose own Lit renders what it returns,
 * so it needs only Lit's template-result contract, not a second copy of Lit. A template result is
 * `{ _$litType$: 1, strings, values }` (1: HTML), and `nothing` is a registered symbol; both are
 * the cross-version contract lit-html keeps between copies (lit-html/src/lit-html.ts).
 */
export const html = (strings: TemplateStringsArray, ...values: unknown[]) => ({ _$litType$: 1, strings, values });

export const nothing = Symbol.for('lit-nothing');
