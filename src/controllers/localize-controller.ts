import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PasskeyTranslation } from '../internal/strings.js';
import {
  en,
  localizedHosts,
  matchLocale,
  refreshLocalized,
  resolvedAround,
  translationFor,
} from '../i18n/translations.js';

type Host = ReactiveControllerHost & HTMLElement;

let observer: MutationObserver | undefined;

/** The nearest element matching `selector`: the host, its ancestors, and on through shadow hosts. */
function nearest(node: Element | undefined, selector: string): HTMLElement | undefined {
  for (; node; node = (node.getRootNode() as ShadowRoot).host) {
    const found = node.closest<HTMLElement>(selector);
    if (found) return found;
  }
  return undefined;
}

/**
 * The language and writing direction of an element. Language: the element's `lang`, else the
 * nearest ancestor's (the document's included), else `navigator.languages`, else English; while a
 * language loads, the element keeps the one it had. Direction: a `dir` on the element or an
 * ancestor, unless a `lang` is nearer; then the language's own.
 */
export class LocalizeController implements ReactiveController {
  /** The language the element renders in: a lower-case tag, for the `lang` of its content. */
  locale = 'en';
  /** The element's direction; `ownDir` only where it differs from what the element inherits. Set by resolve(), which every render calls first. */
  dir!: 'ltr' | 'rtl';
  ownDir?: 'ltr' | 'rtl';
  #translation = en;
  readonly #host: Host;

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    if (!observer) {
      // One observer for every element: a `lang` or `dir` change anywhere in the document, or on
      // an element inside a shadow root (which the document-wide observation does not reach).
      observer = new MutationObserver(refreshLocalized);
      observer.observe(document.documentElement, { subtree: true, attributeFilter: ['lang', 'dir'] });
      addEventListener('languagechange', refreshLocalized);
    }
    // The document-wide observation covers an element in the document's own tree; registering each
    // element again would make every element slower to style (a thousand elements: ~9 ms a frame).
    if (this.#host.getRootNode() != document) observer.observe(this.#host, { attributeFilter: ['lang', 'dir'] });
    localizedHosts.add(this.#host);
  }

  hostDisconnected(): void {
    localizedHosts.delete(this.#host);
  }

  /** Resolves language and direction now; call once per render. */
  resolve(): PasskeyTranslation {
    const host = this.#host;
    // An element without a lang or dir of its own resolves as its siblings did (a page of many).
    const parent = !host.hasAttribute('lang') && !host.hasAttribute('dir') && host.parentNode;
    let [code, near, inherited] = (parent && resolvedAround.get(parent)) || [];
    if (!code) {
      const lang = nearest(host, '[lang]')?.lang;
      // The browser's languages only where no `lang` matches (the common page sets one).
      code = lang && matchLocale(lang);
      if (!code) for (const tag of navigator.languages) if ((code = matchLocale(tag))) break;
      code ||= 'en';
      near = nearest(host, '[lang],[dir]')?.dir;
      // The direction the element inherits: from the nearest dir, else left to right.
      inherited = near || nearest(host, '[dir]')?.dir || 'ltr';
      if (parent) {
        if (!resolvedAround.size) setTimeout(() => resolvedAround.clear());
        resolvedAround.set(parent, [code, near, inherited]);
      }
    }
    const translation = translationFor(code);
    if (translation) {
      this.#translation = translation;
      this.locale = code;
    }
    this.dir = near === 'ltr' || near === 'rtl' ? near : this.#translation.dir;
    // A dir attribute costs every element a style pass: set one only where the direction the
    // element inherits is not the one it needs.
    this.ownDir = this.dir === inherited ? undefined : this.dir;
    return this.#translation;
  }
}
