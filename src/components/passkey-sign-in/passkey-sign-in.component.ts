import { html, nothing, type PropertyValues } from 'lit';
import { DefaultedElement } from '../../internal/defaulted-element.js';
import { AutofillController } from '../../controllers/autofill-controller.js';
import { CeremonyController, type CeremonyState } from '../../controllers/ceremony-controller.js';
import { LocalizeController } from '../../controllers/localize-controller.js';
import { PasskeySignInCancelEvent } from '../../events/passkey-sign-in-cancel.js';
import { PasskeySignInErrorEvent } from '../../events/passkey-sign-in-error.js';
import { PasskeySignInStartEvent } from '../../events/passkey-sign-in-start.js';
import { PasskeySignInSuccessEvent, type PasskeySignInSuccessDetail } from '../../events/passkey-sign-in-success.js';
import { ceremonyParts } from '../../internal/ceremony-view.js';
import type { Outcome } from '../../internal/error-codes.js';
import { loadCeremonies, preloadOnIntent } from '../../internal/sdk-loader.js';
import { mergeStrings, type PartialStrings, type PasskeySignInStrings } from '../../internal/strings.js';
import { webAuthnSupported } from '../../internal/webauthn-support.js';
import english from '../../locales/sign-in/en.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { signInWithPasskey } from './sign-in-ceremony.js';

/**
 * Signs a person in with a passkey: a button, and, with `autofill`, the browser's own suggestion
 * under your username field. Runs `@authsignal/browser`'s `passkey.signIn({ action })` with a
 * discoverable passkey and hands your page a token; your server validates it and learns the user
 * from it.
 *
 * @summary Passkey sign-in in one tag, autofill included.
 * @tag passkey-sign-in
 *
 * @attribute lang - The language of the element's text (BCP 47). Unset: the nearest ancestor's, the document's, then the browser's. 12 are shipped; `registerTranslation()` adds more.
 * @attribute dir - `rtl` or `ltr`. Unset: the nearest ancestor's `dir`, unless a nearer `lang` brings its own direction (`ar` is right to left).
 * @slot - Your username field, for autofill: an `<input>` in the light DOM (the browser's and the SDK's autofill only see those), shown above the button. The button's text comes from `strings.button`.
 *
 * @event {PasskeySignInStartEvent} passkey-sign-in-start - Before a click's ceremony starts. Cancelable: `preventDefault()` stops it. (Autofill asks the browser on its own at connect; a passkey picked there fires success or error.)
 * @event {PasskeySignInSuccessEvent} passkey-sign-in-success - A passkey signed the person in, from the button or the field's suggestions. `detail: { token: string }`; send `token` to your backend, which validates it and learns the user from it.
 * @event {PasskeySignInCancelEvent} passkey-sign-in-cancel - The browser's prompt ended without a passkey: dismissed, timed out, or none for this site on the device.
 * @event {PasskeySignInErrorEvent} passkey-sign-in-error - The sign-in failed. `detail: { code: PasskeyErrorCode; message: string }`, `code` one of `unsupported`, `configuration`, `no-passkey` (the API does not know this passkey), `expired-token` (the sign-in took too long), `network`, `rate-limited`, `server`, `unknown`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart button - The `<button>` that starts the ceremony.
 * @csspart status - The polite live region with the current status.
 * @csspart error - The error message.
 *
 * @cssproperty [--passkey-color-scheme=light dark] - `light` or `dark` pins the scheme; by default it follows `prefers-color-scheme`.
 * @cssproperty [--passkey-color-primary=#1d4ed8] - Button background (dark scheme: #93c5fd).
 * @cssproperty [--passkey-color-on-primary=#fff] - Button text (dark scheme: #0b1220).
 * @cssproperty [--passkey-color-text=inherit] - Text color.
 * @cssproperty [--passkey-color-muted=#4b5563] - Status text (dark scheme: #cbd5e1).
 * @cssproperty [--passkey-color-success=#15803d] - Success text (dark scheme: #86efac).
 * @cssproperty [--passkey-color-danger=#b91c1c] - Error text (dark scheme: #fca5a5).
 * @cssproperty [--passkey-radius=0.5rem] - Button corner radius.
 * @cssproperty [--passkey-spacing=0.75rem] - Base spacing unit.
 * @cssproperty [--passkey-font-family=inherit] - Font family.
 * @cssproperty [--passkey-font-size=1rem] - Font size.
 * @cssproperty [--passkey-focus-ring=0 0 0 3px #93c5fd] - Box shadow of the focused button (dark scheme: #1d4ed8 ring; forced colors: a system-color outline).
 *
 * @cssstate ready - Waiting for a click (or a passkey picked from the field).
 * @cssstate working - A ceremony is in progress.
 * @cssstate success - Signed in.
 * @cssstate error - The last attempt failed; a retry button is shown.
 * @cssstate unsupported - This browser or page cannot use passkeys.
 */
export class PasskeySignIn extends DefaultedElement {
  static override styles = sharedStyles;
  // Declared without decorators: the decorator helpers would cost bytes in every bundle.
  // `value`: the default, read until one is set and restored by removing the attribute (see
  // defaulted-element.ts).
  static override properties = {
    tenantId: { attribute: 'tenant-id', value: '' },
    baseUrl: { attribute: 'base-url', value: '' },
    action: { value: 'signIn' },
    autofill: { type: Boolean, reflect: true, value: false },
    disabled: { type: Boolean, reflect: true, value: false },
    strings: { attribute: false },
  };

  /** Your Authsignal tenant id. Required. */
  declare tenantId: string;

  /** Authsignal API base URL, including `/v1`. Defaults to Authsignal's (`https://api.authsignal.com/v1`). */
  declare baseUrl: string;

  /** The action code the sign-in is recorded under (what your backend's `validateChallenge` sees as `action`). */
  declare action: string;

  /**
   * Passkey autofill: where the browser supports conditional mediation, ask it at connect time to
   * offer this site's passkeys under the `<input>` you put inside the element (the element adds
   * `webauthn` to its `autocomplete`). One per page: a second autofill element stays button-only.
   */
  declare autofill: boolean;

  /** Disables the button (autofill stays on). */
  declare disabled: boolean;

  /**
   * Overrides for any visible string, in every language; missing keys keep the translation's.
   * The language comes from `lang` (the element's, else the nearest ancestor's, else the browser's).
   */
  strings?: PartialStrings<PasskeySignInStrings>;

  #ceremony = new CeremonyController<PasskeySignInSuccessDetail>(this);
  #autofill = new AutofillController(this);
  #localize = new LocalizeController(this);
  /** Said once per element: why autofill is off. */
  #warned?: boolean;

  constructor() {
    super();
    preloadOnIntent(this);
  }

  /** Returns to the ready state (after a success, e.g. once the person signed out); autofill comes back on. */
  reset(): void {
    this.#ceremony.reset();
    this.#listen();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page: the request ended by the disconnection is made anew once it has let go.
    if (this.hasUpdated) this.#relisten();
  }

  protected override updated(changed: PropertyValues<this>): void {
    // A new tenant, API or action needs a new request; autofill turned off ends it.
    if (changed.has('autofill') || changed.has('tenantId') || changed.has('baseUrl') || changed.has('action')) {
      if (this.autofill) this.#relisten();
      else this.#autofill.release();
    }
  }

  /** Ends the request in flight, if any, then starts one with what the element holds now. */
  #relisten(): void {
    void this.#autofill.stop().then(() => this.#listen());
  }

  get #text(): PasskeySignInStrings {
    return mergeStrings(this.#localize.resolve().passkeySignIn ?? english, this.strings);
  }

  get #config() {
    return { tenantId: this.tenantId, baseUrl: this.baseUrl || undefined };
  }

  /** The host's field (preferring one already marked for WebAuthn), with `webauthn` last in its `autocomplete`. */
  #field(): HTMLInputElement | null {
    const input = this.querySelector<HTMLInputElement>('input[autocomplete$=webauthn]') ?? this.querySelector('input');
    if (input) {
      const current = input.getAttribute('autocomplete') ?? '';
      const tokens = current.split(/\s+/).filter((token) => token && token != 'webauthn');
      const wanted = [...(tokens.length ? tokens : ['username']), 'webauthn'].join(' ');
      if (current != wanted) input.setAttribute('autocomplete', wanted);
    }
    return input;
  }

  #warn(why: string): void {
    if (!this.#warned) console.warn(`passkey-elements: <passkey-sign-in autofill> ${why}; the button still works.`);
    this.#warned = true;
  }

  /** Starts the page's conditional request for this element, when everything it needs is there. */
  #listen(): void {
    if (!this.autofill || !this.isConnected) return;
    if (!this.#field()) return this.#warn('has no <input> inside it: autofill is off');
    if (this.#autofill.active || this.#ceremony.busy || this.#ceremony.state.status == 'success') return;
    if (!webAuthnSupported() || !this.tenantId || !this.action) return;
    if (!this.#autofill.claim()) return this.#warn('is not the first on this page: autofill stays with the first');
    let picked: ((outcome: Outcome<PasskeySignInSuccessDetail>) => void) | undefined;
    this.#autofill
      .run(
        async () => {
          // Where conditional mediation is missing, the button alone is the way in: no error.
          if (!(await PublicKeyCredential.isConditionalMediationAvailable?.())) return undefined;
          return signInWithPasskey(await loadCeremonies(), this.#config, {
            action: this.action,
            autofill: true,
            // The person picked a passkey: from here on, it is a ceremony like a click's.
            onVerificationStarted: () => {
              // Taken off the page as the browser answered (its abort came too late): the SDK
              // verifies anyway, but nothing of this run may reach the page.
              if (!this.isConnected) return;
              this.#autofill.picked();
              void this.#end(this.#ceremony.run(() => new Promise((resolve) => (picked = resolve))));
            },
          });
        },
        () => this.#listen(),
      )
      .then(
        (outcome) => {
          if (picked && outcome) picked(outcome);
          // Before the browser was asked (no network, a wrong tenant): the page's developer needs to know.
          else if (outcome && 'code' in outcome && outcome.code != 'cancel')
            this.#warn(`could not start (${outcome.code})`);
        },
        () => this.#warn('could not load the SDK'),
      );
  }

  async #signIn(): Promise<void> {
    if (this.disabled || this.#ceremony.busy) return;
    if (!this.dispatchEvent(new PasskeySignInStartEvent())) return;
    await this.#end(
      this.#ceremony.run(async () => {
        if (!webAuthnSupported()) return { code: 'unsupported' };
        if (!this.tenantId || !this.action) return { code: 'configuration' };
        // The field's pending request first: the browser takes one WebAuthn request at a time.
        await this.#autofill.stop();
        return signInWithPasskey(await loadCeremonies(), this.#config, { action: this.action });
      }),
    );
  }

  /** Fires what a ceremony's end means; autofill comes back unless the person is signed in. */
  async #end(ending: Promise<CeremonyState<PasskeySignInSuccessDetail> | undefined>): Promise<void> {
    const state = await ending;
    if (state?.status === 'success') {
      this.dispatchEvent(new PasskeySignInSuccessEvent(state.result));
      return;
    }
    if (state?.status === 'error') {
      this.dispatchEvent(new PasskeySignInErrorEvent({ code: state.code, message: this.#text.errors[state.code] }));
    } else if (state?.status === 'ready' && state.cancelled) {
      this.dispatchEvent(new PasskeySignInCancelEvent());
    }
    if (state) this.#listen();
  }

  protected override render() {
    const text = this.#text;
    const working = this.#ceremony.state.status === 'working';
    const { locale, ownDir } = this.#localize;
    const view = ceremonyParts(this, this.#ceremony.state, text, () => this.#signIn());
    // The slot's listener (Lit calls it on the element) is there only with autofill, the one thing
    // that needs the host's field: a listener costs every element of a page of many.
    return html`<div part="base" class="base" lang=${locale} dir=${ownDir ?? nothing} aria-busy=${working || nothing}>
      <slot @slotchange=${this.autofill ? this.#listen : nothing}></slot>
      ${view.button}
      <p part="status" class="status" role="status">${view.status}</p>
      ${view.error}
    </div>`;
  }
}
