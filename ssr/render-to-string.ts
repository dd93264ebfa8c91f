import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { html, unsafeStatic } from 'lit/static-html.js';
// The elements, registered as a browser would load them: through the package's own entries.
import 'passkey-elements/passkey-enroll.js';
import 'passkey-elements/step-up-challenge.js';
import 'passkey-elements/passkey-sign-in.js';
import 'passkey-elements/passkey-manager.js';
import { registerTranslation } from 'passkey-elements/passkey-enroll.js';

const ELEMENTS = ['passkey-enroll', 'step-up-challenge', 'passkey-sign-in', 'passkey-manager'];

type Strings = Promise<{ default: object }>;
/**
 * The languages the package ships besides English: the elements' strings and the manager's. Each
 * import is written out, so that a bundler (Next.js's server build) can follow it.
 */
const LANGUAGES: Record<string, () => [Strings, Strings]> = {
  ar: () => [import('passkey-elements/locales/ar.js'), import('passkey-elements/locales/manager/ar.js')],
  de: () => [import('passkey-elements/locales/de.js'), import('passkey-elements/locales/manager/de.js')],
  es: () => [import('passkey-elements/locales/es.js'), import('passkey-elements/locales/manager/es.js')],
  fr: () => [import('passkey-elements/locales/fr.js'), import('passkey-elements/locales/manager/fr.js')],
  it: () => [import('passkey-elements/locales/it.js'), import('passkey-elements/locales/manager/it.js')],
  ja: () => [import('passkey-elements/locales/ja.js'), import('passkey-elements/locales/manager/ja.js')],
  nl: () => [import('passkey-elements/locales/nl.js'), import('passkey-elements/locales/manager/nl.js')],
  pl: () => [import('passkey-elements/locales/pl.js'), import('passkey-elements/locales/manager/pl.js')],
  'pt-br': () => [import('passkey-elements/locales/pt-br.js'), import('passkey-elements/locales/manager/pt-br.js')],
  sv: () => [import('passkey-elements/locales/sv.js'), import('passkey-elements/locales/manager/sv.js')],
  'zh-hans': () => [
    import('passkey-elements/locales/zh-hans.js'),
    import('passkey-elements/locales/manager/zh-hans.js'),
  ],
};
const SHIPPED = Object.keys(LANGUAGES);

export interface RenderOptions {
  /** The document's language (`<html lang>`): what an element without a `lang` of its own speaks. Default `en`. */
  lang?: string;
  /** The document's direction, where an element's `lang` does not bring its own. */
  dir?: 'ltr' | 'rtl';
}

/** A shipped language for a tag (`de-AT` → `de`, `pt` → `pt-br`, `zh` → `zh-hans`), as the elements match it. */
function shippedFor(tag: string): string | undefined {
  for (const parts = tag.toLowerCase().split('-'); parts.length; parts.pop()) {
    let code = parts.join('-');
    if (code === 'pt') code = 'pt-br';
    if (code === 'zh' && !/-(hant|tw|hk|mo)\b/i.test(tag)) code = 'zh-hans';
    if (SHIPPED.includes(code)) return code;
  }
  return undefined;
}

const registered = new Set<string>();
/**
 * Loads the languages `fragment` and the document need, so that the server renders them, not
 * English: the elements' strings, and `<passkey-manager>`'s (a module of their own) in the same
 * translation, as a host registers them in the browser.
 */
async function loadLanguages(fragment: string, lang: string): Promise<void> {
  const tags = [lang, ...[...fragment.matchAll(/\slang\s*=\s*["']?([\w-]+)/gi)].map((m) => m[1]!)];
  for (const code of new Set(tags.map(shippedFor).filter((c): c is string => !!c))) {
    if (registered.has(code)) continue;
    const [main, manager] = await Promise.all(LANGUAGES[code]!());
    registerTranslation(code, { ...main!.default, passkeyManager: manager!.default } as never);
    registered.add(code);
  }
}

/**
 * What the elements read while they render, as a browser that can use passkeys has it, for the
 * length of one render: a secure context with WebAuthn (so the button renders, as it will in the
 * browser that hydrates it), the document's language, and `lang`/`dir` lookups that see the
 * element and the document (a server has no tree of ancestors). Put back afterwards.
 */
function withBrowserGlobals<T>(options: Required<RenderOptions>, run: () => T): T {
  const g = globalThis as Record<string, unknown>;
  // Our elements' own classes, whichever copy of Lit a server bundler gave them.
  const prototypes = ELEMENTS.map(
    (tag) => (customElements.get(tag) as unknown as { prototype: Record<string, unknown> }).prototype,
  );
  const saved = {
    isSecureContext: Object.getOwnPropertyDescriptor(globalThis, 'isSecureContext'),
    PublicKeyCredential: Object.getOwnPropertyDescriptor(globalThis, 'PublicKeyCredential'),
    navigator: Object.getOwnPropertyDescriptor(globalThis, 'navigator'),
  };
  const define = (name: string, value: unknown) =>
    Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
  define('isSecureContext', true);
  define('PublicKeyCredential', class PublicKeyCredential {});
  define('navigator', { languages: [], language: options.lang });
  function closest(this: { getAttribute(name: string): string | null }, selector: string) {
    const lang = this.getAttribute('lang');
    const dir = this.getAttribute('dir');
    if ((selector.includes('[lang]') && lang !== null) || (selector.includes('[dir]') && dir !== null)) {
      return { lang: lang ?? '', dir: dir ?? '' };
    }
    // The document element: it always has the language, and the direction when given.
    return selector.includes('[lang]') || options.dir ? { lang: options.lang, dir: options.dir } : null;
  }
  for (const proto of prototypes) {
    proto.closest = closest;
    proto.getRootNode = () => ({});
  }
  try {
    return run();
  } finally {
    for (const [name, descriptor] of Object.entries(saved)) {
      if (descriptor) Object.defineProperty(globalThis, name, descriptor);
      else delete g[name];
    }
    for (const proto of prototypes) {
      delete proto.closest;
      delete proto.getRootNode;
    }
  }
}

/**
 * Renders the package's elements in a fragment of your HTML on the server: each `<passkey-enroll>`,
 * `<step-up-challenge>`, `<passkey-sign-in>` and `<passkey-manager>` gets its shadow DOM as declarative shadow DOM
 * (`<template shadowrootmode="open">`, its styles inlined), in its language, so that its button
 * shows, styled, before any script arrives; `lit-element-hydrate-support` then adopts it. The rest
 * of the fragment passes through. The fragment is your own markup, trusted as a template is: never
 * put text a visitor wrote into it unescaped.
 */
export async function renderToString(fragment: string, options: RenderOptions = {}): Promise<string> {
  const resolved = { lang: options.lang ?? 'en', dir: options.dir ?? ('' as 'ltr') };
  await loadLanguages(fragment, resolved.lang);
  // Synchronous, so that the globals above are there for the whole render and gone after it.
  const out = withBrowserGlobals(resolved, () => collectResultSync(render(html`${unsafeStatic(fragment)}`)));
  return withoutOuterMarkers(out);
}

/** The fragment's own part markers go: nothing hydrates the fragment itself, only the elements. */
const OPENING = /^<!--lit-part [^>]*-->/;
const CLOSING = /<!--\/lit-part-->$/;
const withoutOuterMarkers = (html: string) => html.replace(OPENING, '').replace(CLOSING, '');

/**
 * `renderToString`, streamed: the chunks as Lit renders them, the first before the last element
 * is rendered (`Readable.from(renderToStream(fragment)).pipe(response)` in Node). The browser
 * globals are in place for each step of the render and gone between steps, so other work on the
 * server never sees them.
 */
export async function* renderToStream(fragment: string, options: RenderOptions = {}): AsyncGenerator<string> {
  const resolved = { lang: options.lang ?? 'en', dir: options.dir ?? ('' as 'ltr') };
  await loadLanguages(fragment, resolved.lang);
  type Chunk = string | Iterable<unknown> | Promise<Iterable<unknown>>;
  const stack: Iterator<unknown>[] = [
    withBrowserGlobals(resolved, () => render(html`${unsafeStatic(fragment)}`)[Symbol.iterator]()),
  ];
  // One chunk held back, so that the last can lose the closing marker.
  let held: string | undefined;
  while (stack.length) {
    const step = withBrowserGlobals(resolved, () => stack.at(-1)!.next());
    if (step.done) {
      stack.pop();
      continue;
    }
    let value = step.value as Chunk;
    if (typeof value !== 'string') {
      if (value instanceof Promise) value = await value;
      stack.push((value as Iterable<unknown>)[Symbol.iterator]());
      continue;
    }
    if (held !== undefined) yield held;
    held = held === undefined ? value.replace(OPENING, '') : value;
  }
  if (held !== undefined) yield held.replace(CLOSING, '');
}
