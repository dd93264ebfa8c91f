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
  // The icon is part of the button's own template; while working, the spinner put before it stands
  // in for it (the shared styles hide an icon that follows a spinner).
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
            @click=${onClick}
          >
            ${working ? spinner : nothing}<svg
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
            <slot @slotchange=${(event: Event) => (host.customLabel = slotHasContent(event))}></slot>${
              host.customLabel ? nothing : state.status === 'error' ? text.retry : text.button
            }
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

/** True when a slot shows something: an element, or text that is not only whitespace. */
export function slotHasContent(event: Event): boolean {
  return (event.target as HTMLSlotElement)
    .assignedNodes({ flatten: true })
    .some((node) => node.nodeType === 1 /* element */ || node.textContent?.trim());
}

const spinner = html`<span class="spinner" aria-hidden="true"></span>`;
