import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { ReactiveElement } from 'lit';
import { html, unsafeStatic } from 'lit/static-html.js';

/** The package's elements that render on the server (their modules register them when imported). */
const ELEMENTS = ['passkey-enroll', 'step-up-challenge', 'passkey-sign-in', 'passkey-manager'] as const;
/** The languages the package ships besides English (`passkey-elements/locales/<code>.js`). */
const SHIPPED = ['ar', 'de', 'es', 'fr', 'it', 'ja', 'nl', 'pl', 'pt-br', 'sv', 'zh-hans'];

export interface RenderOptions {
  /** The document's language (`<html lang>`): what an element without a `lang` of its own speaks. Default `en`. */
  lang?: string;
  /** The document's direction, where an element's `lang` does not bring its own. */
  dir?: 'ltr' | 'rtl';
}

let loaded: Promise<{ registerTranslation: (code: string, translation: never) => void }> | undefined;
/** The elements, imported once: as a browser would, through the package's own entries. */
function elements() {
  return (loaded ??= (async () => {
    for (const name of ELEMENTS) await import(`passkey-elements/${name}.js`);
    return (await import('passkey-elements/passkey-enroll.js')) as never;
  })());
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
  const { registerTranslation } = await elements();
  const tags = [lang, ...[...fragment.matchAll(/\slang\s*=\s*["']?([\w-]+)/gi)].map((m) => m[1]!)];
  for (const code of new Set(tags.map(shippedFor).filter((c): c is string => !!c))) {
    if (registered.has(code)) continue;
    const [main, manager] = (await Promise.all([
      import(`passkey-elements/locales/${code}.js`),
      import(`passkey-elements/locales/manager/${code}.js`),
    ])) as { default: object }[];
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
  // The HTMLElement Lit's elements extend on the server (its DOM shim), whichever copy that is.
  const proto = (Object.getPrototypeOf(ReactiveElement) as { prototype: Record<string, unknown> }).prototype;
  const saved = {
    isSecureContext: g.isSecureContext,
    PublicKeyCredential: g.PublicKeyCredential,
    navigator: Object.getOwnPropertyDescriptor(globalThis, 'navigator'),
    closest: proto.closest,
    getRootNode: proto.getRootNode,
  };
  g.isSecureContext = true;
  g.PublicKeyCredential = class PublicKeyCredential {};
  Object.defineProperty(globalThis, 'navigator', {
    value: { languages: [], language: options.lang },
    configurable: true,
    writable: true,
  });
  proto.closest = function (this: { getAttribute(name: string): string | null }, selector: string) {
    const lang = this.getAttribute('lang');
    const dir = this.getAttribute('dir');
    if ((selector.includes('[lang]') && lang !== null) || (selector.includes('[dir]') && dir !== null)) {
      return { lang: lang ?? '', dir: dir ?? '' };
    }
    // The document element: it always has the language, and the direction when given.
    return selector.includes('[lang]') || options.dir ? { lang: options.lang, dir: options.dir } : null;
  };
  proto.getRootNode = () => ({});
  try {
    return run();
  } finally {
    g.isSecureContext = saved.isSecureContext;
    g.PublicKeyCredential = saved.PublicKeyCredential;
    if (saved.navigator) Object.defineProperty(globalThis, 'navigator', saved.navigator);
    else delete g.navigator;
    proto.closest = saved.closest;
    proto.getRootNode = saved.getRootNode;
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
