import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { adoptStyles, css } from '../../../internal/adopted-styles.js';
import type { StepUpChallengeStrings } from '../../../internal/strings.js';

/*
 * This module loads on demand (src/internal/dialog-loader.ts), after the element's first update,
 * and only where `modal` is set: a page of inline step-ups never downloads it. Until it arrives a
 * modal element renders nothing, which is also what the server renders, so hydration matches. It
 * shares no module with the element but types and adopted-styles.ts: what it needs of the element
 * comes in `DialogHooks`. In the CDN builds it is a file of its own whose `html` is a shim (see
 * vite.config.ts): plain bindings only.
 */

const DIALOG_CSS = css`
  .dialog {
    width: min(28rem, calc(100vw - 2rem));
    padding: calc(var(--_spacing) * 2);
    border: 1px solid transparent;
    border-radius: calc(var(--_radius) * 1.5);
    background: var(--passkey-color-surface, light-dark(#fff, #111827));
    color: var(--passkey-color-text, light-dark(#111827, #f3f4f6));
    box-shadow: 0 20px 50px rgb(0 0 0 / 0.3);
  }
  /* Only while open: a closed dialog keeps the browser's display: none. */
  .dialog[open] {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_spacing) / 1.5);
  }
  .dialog::backdrop {
    background: var(--passkey-color-backdrop, rgb(15 23 42 / 0.6));
  }
  .dialog .base {
    align-items: stretch;
  }
  .title {
    margin: 0;
    font-size: 1.25em;
    line-height: 1.3;
  }
  /* Also a .button: only the look differs. */
  .close {
    border-color: currentColor;
    background: none;
    color: inherit;
    font-weight: 400;
  }
`;

/** The element as the dialog reads it. */
export interface DialogHost extends ReactiveControllerHost, HTMLElement {
  open: boolean;
  readonly modal: boolean;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * What the element hands the dialog, in this order (a tuple: its names would cost every page's
 * bundle bytes): its ceremony, what to do each time the dialog shows (autostart may start again),
 * and how to tell the page the person cancelled.
 */
export type DialogHooks = readonly [
  ceremony: { readonly busy: boolean; reset(): void },
  opened: () => void,
  cancelled: () => void,
];

/**
 * The step-up's modal mode: a native `<dialog>` shown while `open` is set, its heading and its
 * cancel button. Escape and the cancel button close it (the person cancelled); clearing `open`
 * closes it too (the element or the page did), and fires nothing.
 */
export class StepUpDialog implements ReactiveController {
  readonly #host: DialogHost;
  readonly #hooks: DialogHooks;
  /** The styles are the shadow root's (adopted), not an inline `<style>` a strict CSP refuses. */
  readonly #adopted: boolean;
  /** The next close is this element's (`open` cleared), not the person's. */
  #closingByCode = false;

  constructor(host: DialogHost, hooks: DialogHooks) {
    this.#host = host;
    this.#hooks = hooks;
    this.#adopted = adoptStyles(host.renderRoot as ShadowRoot, DIALOG_CSS);
    host.addController(this);
    host.requestUpdate();
  }

  get #dialog(): HTMLDialogElement | null {
    return this.#host.renderRoot.querySelector('dialog');
  }

  hostUpdated(): void {
    const host = this.#host;
    const [ceremony, opened] = this.#hooks;
    const dialog = host.modal ? this.#dialog : null;
    // Not when disconnected: showModal() would throw, and the reset below would ask for another
    // update, forever.
    if (dialog && host.open && !dialog.open && host.isConnected) {
      if (!ceremony.busy) ceremony.reset();
      opened();
      dialog.showModal();
      // The passkey button, even after a focusable description (a code method's field has autofocus).
      dialog.querySelector<HTMLElement>('[part=button]')?.focus();
    } else if (dialog?.open && !host.open) {
      this.#closingByCode = true;
      dialog.close();
    }
  }

  /**
   * The dialog around the element's base, with its heading before and its cancel button after:
   * an inline step-up's template has no place for them (two parts fewer for every element). Its
   * language and direction are the base's (`dir` only where it differs from the page's).
   */
  render(base: unknown, text: StepUpChallengeStrings, lang: string, dir?: string): TemplateResult {
    return html`<dialog
      part="dialog"
      class="dialog"
      lang=${lang}
      dir=${dir ?? nothing}
      aria-labelledby="title"
      aria-describedby="description"
      @close=${() => this.#closed()}
    >
      <h2 part="title" class="title" id="title">${text.title}</h2>
      ${base}
      <button part="close-button" class="button close" type="button" @click=${() => this.#dialog?.close()}>
        ${text.close}</button
      >${
        this.#adopted
          ? nothing
          : html`<style>
              ${DIALOG_CSS}
            </style>`
      }
    </dialog>`;
  }

  /** The dialog closed: by Escape or the cancel button (the person), or by this element (`open` cleared). */
  #closed(): void {
    const host = this.#host;
    const [ceremony, , cancelled] = this.#hooks;
    const byCode = this.#closingByCode;
    this.#closingByCode = false;
    // An element taken off the page fires nothing more.
    if (!host.isConnected) return;
    if (!byCode) {
      host.open = false;
      ceremony.reset();
      cancelled();
    } else if (ceremony.busy) {
      ceremony.reset();
    }
  }
}
