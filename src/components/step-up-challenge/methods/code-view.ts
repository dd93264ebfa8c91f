import { html, nothing } from 'lit';
import type { CeremonyState } from '../../../controllers/ceremony-controller.js';
import type { StepUpChallengeSuccessDetail } from '../../../events/step-up-challenge-success.js';
import type { CeremonyParts } from '../../../internal/ceremony-view.js';
import type { StepUpErrorCode } from '../../../internal/error-codes.js';
import type { CodeMethod } from '../../../internal/verification-method.js';
import type { MethodsText } from './method-chooser.js';

/** What the code view shows, and what it calls. */
export interface CodeViewModel {
  method: CodeMethod;
  text: MethodsText;
  state: CeremonyState<StepUpChallengeSuccessDetail, StepUpErrorCode>;
  /** A code was sent (email, SMS): the field shows. */
  sent: boolean;
  /** What the working state is doing. */
  pending: 'send' | 'verify';
  /** Seconds before another code may be sent, already formatted; empty when it may. */
  wait: string;
  disabled: boolean;
  autofocus: boolean;
  onSend(): void;
  onVerify(event: Event): void;
}

const LABELS = { EMAIL_OTP: 'codeLabelEmail', SMS: 'codeLabelSms', AUTHENTICATOR_APP: 'codeLabelApp' } as const;

/**
 * Email and SMS: a button that sends a code (nothing is sent before the person asks), then the code
 * field, its submit button and "Send a new code" (disabled, with the seconds left, for a while
 * after each send). Authenticator app: the field alone. The code lives in the field only: never in
 * an attribute, an event or a log. As parts for the element's own template, as a passkey's are: the
 * controls in place of the passkey button, and the status and error texts (the status region is
 * the element's, kept across methods).
 */
export function codeView(v: CodeViewModel): CeremonyParts {
  const { method, text, state } = v;
  const working = state.status === 'working';
  const error = state.status === 'error' ? state.code : undefined;
  const sms = method === 'SMS';
  const status = working
    ? v.pending === 'send'
      ? text.sending
      : text.verifying
    : state.status === 'success'
      ? text.success
      : v.sent && !error
        ? sms
          ? text.sentSms
          : text.sentEmail
        : '';
  const busy = working ? 'true' : nothing;
  // Done, or locked by wrong codes: only the outcome (and the other methods) stays.
  const ended = state.status === 'success' || error === 'too-many-attempts';
  return {
    button: ended
      ? nothing
      : method !== 'AUTHENTICATOR_APP' && !v.sent
        ? html`<button
            part="send-code"
            class="button"
            type="button"
            ?disabled=${v.disabled}
            ?autofocus=${v.autofocus}
            aria-disabled=${busy}
            @click=${v.onSend}
          >
            ${sms ? text.sendSms : text.sendEmail}
          </button>`
        : html`<form part="code-form" class="code-form" novalidate @submit=${v.onVerify}>
              <label part="code-label" class="code-label" for="code">${text[LABELS[method]]}</label>
              <span class="code-row">
                <input
                  part="code"
                  class="code"
                  id="code"
                  name="code"
                  type="text"
                  autocomplete="one-time-code"
                  inputmode="numeric"
                  enterkeyhint="done"
                  spellcheck="false"
                  dir="ltr"
                  ?autofocus=${v.autofocus}
                  ?disabled=${v.disabled}
                  ?readonly=${working}
                  aria-invalid=${error === 'invalid-code' ? 'true' : 'false'}
                  aria-describedby=${error ? 'code-error' : nothing}
                />
                <button part="verify-code" class="button" type="submit" ?disabled=${v.disabled} aria-disabled=${busy}>
                  ${text.verify}
                </button>
              </span>
            </form>
            ${
              method === 'AUTHENTICATOR_APP'
                ? nothing
                : html`<button
                    part="resend"
                    class="link"
                    type="button"
                    ?disabled=${v.disabled || working || !!v.wait}
                    @click=${v.onSend}
                  >
                    ${v.wait ? text.resendIn.replace('{seconds}', v.wait) : text.resend}
                  </button>`
            }`,
    status,
    error: error ? html`<p part="error" class="error" role="alert" id="code-error">${text.errors[error]}</p>` : nothing,
  };
}
