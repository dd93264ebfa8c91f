import { html, isServer, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import type { CeremonyState } from '../controllers/ceremony-controller.js';
import type { StepUpErrorCode } from './error-codes.js';
import type { CeremonyStrings } from './strings.js';
import { webAuthnSupported } from './webauthn-support.js';

/** What the view reads from the element. */
export interface CeremonyViewHost extends ReactiveElement {
  disabled: boolean;
  /**
   * Whether the button's slot holds nothing but whitespace (the space around a host's markup),
   * which hides the label the slot holds as its default.
   */
  blankSlot?: boolean;
  [press]?: () => void;
}

/**
 * What every element shows of its ceremony, as values for the element's own template: the button
 * (kept focusable while working, with `aria-disabled`), the polite status region's text (its
 * success color comes from the element's `:state(success)`), and the error alert; or, where
 * passkeys cannot work at all (no WebAuthn, or not a secure context), a notice in the status
 * region instead of a useless button. Values rather than a
 * template of their own: each nested template costs every element a clone and an insertion of its
 * own (a page of a thousand elements renders measurably later).
 */
export interface CeremonyParts {
  /** The button; nothing once the ceremony succeeded, or where passkeys cannot work. */
  button: TemplateResult | typeof nothing;
  status: string;
  /** The error alert; for the step-up's other methods, followed by the way to the others. */
  error: TemplateResult | typeof nothing | unknown[];
}

export function ceremonyParts(
  host: CeremonyViewHost,
  state: CeremonyState<unknown, StepUpErrorCode>,
  text: CeremonyStrings,
  onClick: () => void,
): CeremonyParts {
  const supported = webAuthnSupported();
  const working = state.status === 'working';
  const label = state.status === 'error' ? text.retry : text.button;
  const doc = host.ownerDocument;
  host[press] = onClick;
  // Once per document: adding the same listener again changes nothing.
  if (doc != listening) (listening = doc)?.addEventListener('click', wire, true);
  // A server cannot see the host's content, and whitespace alone would hide the slot's default
  // label where no script runs: it renders the label first, and the first client render (hydrating
  // that HTML) does too; watching the slot then moves the label into it if that is where it belongs.
  const hydrating = !isServer && !host.hasUpdated && !!host.renderRoot?.firstChild;
  if (hydrating || (!isServer && (host.firstChild || doc?.readyState == 'loading')))
    void host.updateComplete.then(() => watch(host));
  const first = isServer || hydrating || host.blankSlot;
  // The icon is part of the button's own template; while working, the spinner put before it stands
  // in for it (the shared styles hide an icon that follows a spinner). The label is the slot's
  // default; where whitespace alone fills the slot (see watch()), it goes first, in the spinner's
  // part, and the styles put it after the icon: a part of its own would cost every element.
  return {
    button:
      !supported || state.status === 'success'
        ? nothing
        : html`<button
            part="button"
            class="button"
            type="button"
            disabled=${host.disabled ? '' : nothing}
            aria-disabled=${working ? 'true' : nothing}
          >
            ${first ? [working ? spinner : nothing, label] : working ? spinner : nothing}<svg
              class="icon"
              viewBox="0 0 24 24"
              aria-hidden="true"
              fill="none"
              stroke="currentColor"
              stroke-width="2"
              stroke-linecap="round"
              stroke-linejoin="round"
            >
              <circle cx="8" cy="8" r="4"></circle>
              <path d="M2 21v-1a6 6 0 0 1 9-5.2"></path>
              <path d="M18 11a3 3 0 1 0-2 2.8V21l2 1.5 2-1.5v-1.5l-1-1 1-1-1-1z"></path>
            </svg>
            <slot>${first ? nothing : label}</slot>
          </button>`,
    status: !supported
      ? text.unsupported
      : working
        ? text.working
        : state.status === 'success'
          ? text.success
          : (state as { cancelled?: boolean }).cancelled
            ? text.cancelled
            : '',
    error:
      state.status === 'error' && supported
        ? html`<p part="error" class="error" role="alert">${(text.errors as Record<string, string>)[state.code]}</p>`
        : nothing,
  };
}

/**
 * The host's content replaces the label, the slot's default; whitespace alone (the space around a
 * host's markup) hides that default too. Only an element with content, or one the HTML parser may
 * still give some, watches its slot: a listener bound at render costs every element of a page of
 * many. Watching starts after a render, so a slot that had its content first (hydrated) is seen.
 * An element with nothing inside that is given only whitespace later keeps an empty button.
 */
function watch(host: CeremonyViewHost): void {
  const slot = host.renderRoot.querySelector('button slot');
  // The same listener again changes nothing: a slot has it once.
  if (slot) {
    slot.addEventListener('slotchange', look);
    look.call(slot as HTMLSlotElement);
  }
}

/** Whether the slot holds nodes, and only whitespace (a slot the element has removed since: nothing). */
function look(this: HTMLSlotElement): void {
  const nodes = this.assignedNodes({ flatten: true });
  const host = (this.getRootNode() as Partial<ShadowRoot>).host as CeremonyViewHost | undefined;
  if (host)
    host.blankSlot =
      nodes.length > 0 && !nodes.some((node) => node.nodeType === 1 /* element */ || node.textContent?.trim());
}

/** Where an element keeps its button's action, from its latest render. */
const press = Symbol();
/** The document that wires buttons on a first click (the last one met). */
let listening: Document | undefined;

/**
 * A button gets its click listener from its first click, in the document's capture phase: the
 * listener is on the button before the click reaches it, so it runs where and when one bound in the
 * template would (a page that stops the click before it stops it too). Bound at render, a listener
 * costs every element of a page of many (with the slot's, about 5 ms per 1,000), for a click few get.
 * A script's click on the button of an element that has left the page starts nothing, fires nothing.
 */
function wire(event: Event): void {
  for (const node of event.composedPath() as HTMLElement[]) {
    const host = node.part?.contains('button') && ((node.getRootNode() as ShadowRoot).host as CeremonyViewHost);
    if (host && host[press] && !node.onclick) node.onclick = () => host.isConnected && host[press]!();
  }
}

const spinner = html`<span class="spinner" aria-hidden="true"></span>`;
