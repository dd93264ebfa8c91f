import { html, nothing, type TemplateResult } from 'lit';
import type { CeremonyState } from '../controllers/ceremony-controller.js';
import type { StepUpErrorCode } from './error-codes.js';
import type { CeremonyStrings } from './strings.js';
import { webAuthnSupported } from './webauthn-support.js';

/** What the view reads from the element. */
export interface CeremonyViewHost {
  disabled: boolean;
  /** Whether the default slot holds real content (not just the whitespace around a host's markup). */
  customLabel?: boolean;
}

/**
 * The part both elements render the same way: the button (kept focusable while working, with
 * `aria-disabled`), the polite status region and the error alert; or, where passkeys cannot
 * work at all (no WebAuthn, or not a secure context), a notice instead of a useless button.
 */
export function ceremonyView(
  host: CeremonyViewHost,
  state: CeremonyState<unknown, StepUpErrorCode>,
  text: CeremonyStrings,
  onClick: () => void,
  autofocus = false,
): TemplateResult {
  if (!webAuthnSupported()) return html`<p part="status" class="status" role="status">${text.unsupported}</p>`;
  const working = state.status === 'working';
  const status =
    state.status === 'working'
      ? text.working
      : state.status === 'success'
        ? text.success
        : state.status === 'ready' && state.cancelled
          ? text.cancelled
          : '';
  return html`${
      state.status === 'success'
        ? nothing
        : html`<button
            part="button"
            class="button"
            type="button"
            ?disabled=${host.disabled}
            ?autofocus=${autofocus}
            aria-disabled=${working ? 'true' : nothing}
            @click=${onClick}
          >
            ${working ? html`<span class="spinner" aria-hidden="true"></span>` : passkeyIcon}
            <slot @slotchange=${(event: Event) => (host.customLabel = slotHasContent(event))}></slot>${
              host.customLabel ? nothing : state.status === 'error' ? text.retry : text.button
            }
          </button>`
    }
    <p part="status" class="status ${state.status === 'success' ? 'success' : ''}" role="status">${status}</p>
    ${state.status === 'error' ? html`<p part="error" class="error" role="alert">${(text.errors as Record<string, string>)[state.code]}</p>` : nothing}`;
}

/** True when a slot shows something: an element, or text that is not only whitespace. */
export function slotHasContent(event: Event): boolean {
  return (event.target as HTMLSlotElement)
    .assignedNodes({ flatten: true })
    .some((node) => node.nodeType === 1 /* element */ || node.textContent?.trim());
}

const passkeyIcon = html`<svg
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
</svg>`;
