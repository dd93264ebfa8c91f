import { html, nothing, type PropertyValues } from 'lit';
import { DefaultedElement } from '../../internal/defaulted-element.js';
import { CeremonyController } from '../../controllers/ceremony-controller.js';
import { LocalizeController } from '../../controllers/localize-controller.js';
import { PasskeyEnrollCancelEvent } from '../../events/passkey-enroll-cancel.js';
import { PasskeyEnrollErrorEvent } from '../../events/passkey-enroll-error.js';
import { PasskeyEnrollStartEvent } from '../../events/passkey-enroll-start.js';
import { PasskeyEnrollSuccessEvent, type PasskeyEnrollSuccessDetail } from '../../events/passkey-enroll-success.js';
import { ceremonyParts } from '../../internal/ceremony-view.js';
import type { Outcome } from '../../internal/error-codes.js';
import { loadCeremonies, loadTokenSource, preloadCeremonies, preloadOnIntent } from '../../internal/sdk-loader.js';
import type { TokenSource } from '../../sdk/token-source.js';
import { mergeStrings, type PartialStrings, type PasskeyEnrollStrings } from '../../internal/strings.js';
import { webAuthnSupported } from '../../internal/webauthn-support.js';
import { sharedStyles } from '../../styles/shared.styles.js';

/**
 * A button that creates a passkey for the signed-in user with `@authsignal/browser`'s
 * `passkey.signUp`, and hands your page a token to validate on your own server.
 *
 * @summary Passkey enrollment in one tag.
 * @tag passkey-enroll
 *
 * @attribute lang - The language of the element's text (BCP 47). Unset: the nearest ancestor's, the document's, then the browser's. 12 are shipped; `registerTranslation()` adds more.
 * @attribute dir - `rtl` or `ltr`. Unset: the nearest ancestor's `dir`, unless a nearer `lang` brings its own direction (`ar` is right to left).
 * @slot - Content of the button (default: "Create a passkey").
 *
 * @event {PasskeyEnrollStartEvent} passkey-enroll-start - Before the ceremony starts. Cancelable: `preventDefault()` stops it.
 * @event {PasskeyEnrollSuccessEvent} passkey-enroll-success - The passkey was created. `detail: { token: string; userAuthenticatorId: string | undefined }`; send `token` to your backend.
 * @event {PasskeyEnrollCancelEvent} passkey-enroll-cancel - The user dismissed the browser's prompt (or it timed out).
 * @event {PasskeyEnrollErrorEvent} passkey-enroll-error - Enrollment failed. `detail: { code: PasskeyErrorCode; message: string }`, `code` one of `unsupported`, `configuration`, `already-registered`, `expired-token`, `network`, `rate-limited`, `server`, `unknown`.
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
 * @cssstate ready - Waiting for a click.
 * @cssstate working - A ceremony is in progress.
 * @cssstate success - The passkey was created.
 * @cssstate error - The last attempt failed; a retry button is shown.
 * @cssstate unsupported - This browser or page cannot use passkeys.
 */
export class PasskeyEnroll extends DefaultedElement {
  static override styles = sharedStyles;
  // Declared without decorators: the decorator helpers would cost bytes in every bundle.
  // `value`: the default, read until one is set and restored by removing the attribute (see
  // defaulted-element.ts).
  static override properties = {
    tenantId: { attribute: 'tenant-id', value: '' },
    baseUrl: { attribute: 'base-url', value: '' },
    username: { value: '' },
    displayName: { attribute: 'display-name', value: '' },
    authenticatorAttachment: { attribute: 'authenticator-attachment', value: 'platform' },
    tokenUrl: { attribute: 'token-url', value: '' },
    disabled: { type: Boolean, reflect: true, value: false },
    strings: { attribute: false },
    blankSlot: { state: true },
  };

  /** Your Authsignal tenant id. Required. */
  declare tenantId: string;

  /** Authsignal API base URL, including `/v1`. Defaults to Authsignal's (`https://api.authsignal.com/v1`). */
  declare baseUrl: string;

  /** Name stored with the passkey (shown by the device's passkey manager), e.g. the user's email. */
  declare username: string;

  /** Friendly name stored with the passkey. */
  declare displayName: string;

  /** `platform` (this device's built-in authenticator) or `cross-platform` (a security key or phone). */
  declare authenticatorAttachment: 'platform' | 'cross-platform';

  /**
   * Your endpoint that answers a same-origin `POST` with `{ token }` (a `track` token with the
   * `add:authenticators` scope). Fetched ahead of the click and again before the token expires.
   */
  declare tokenUrl: string;

  /** Disables the button. */
  declare disabled: boolean;

  /**
   * Overrides for any visible string, in every language; missing keys keep the translation's.
   * The language comes from `lang` (the element's, else the nearest ancestor's, else the browser's).
   */
  strings?: PartialStrings<PasskeyEnrollStrings>;

  #ceremony = new CeremonyController<PasskeyEnrollSuccessDetail>(this);
  /** The token behind `token-url`: its source loads on demand, and follows the URL. */
  #tokenSource?: Promise<TokenSource>;
  #localize = new LocalizeController(this);
  /** @internal Whether the host put nothing but whitespace in the button (see ceremony-view.ts). */
  blankSlot?: boolean;
  #token?: string;

  /**
   * The token from your backend's `track` call. A property only: it is never read from or
   * written to an attribute, never rendered and never logged.
   */
  get token(): string | undefined {
    return this.#token;
  }

  set token(value: string | undefined) {
    this.#token = value || undefined;
    // A fresh token answers an expired or missing one: be ready again.
    if (this.#ceremony.state.status === 'error') this.#ceremony.reset();
    // A token makes a ceremony likely: fetch the SDK now rather than on the click.
    if (this.#token) preloadCeremonies();
  }

  constructor() {
    super();
    preloadOnIntent(this);
  }

  /** Returns to the ready state (after a success, to enroll another passkey). */
  reset(): void {
    this.#ceremony.reset();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Ahead of the click, where a ceremony can run: the token, and the SDK beside it. The source,
    // once made, follows the element (and its URL) by itself.
    if (changed.has('tokenUrl') && this.tokenUrl && webAuthnSupported()) {
      preloadCeremonies();
      this.#tokens().catch(() => undefined);
    }
  }

  /** The source of `token-url`'s token; a failed download of its module is tried again next time. */
  #tokens(): Promise<TokenSource> {
    return (this.#tokenSource ??= loadTokenSource().then(
      ({ TokenSource }) => new TokenSource(this),
      (error) => {
        this.#tokenSource = undefined;
        throw error;
      },
    ));
  }

  get #text(): PasskeyEnrollStrings {
    return mergeStrings(this.#localize.resolve().passkeyEnroll, this.strings);
  }

  async #enroll(): Promise<void> {
    if (this.disabled || this.#ceremony.busy) return;
    if (!this.dispatchEvent(new PasskeyEnrollStartEvent())) return;
    const state = await this.#ceremony.run(() => this.#signUp());
    if (state?.status === 'success') {
      this.dispatchEvent(new PasskeyEnrollSuccessEvent(state.result));
    } else if (state?.status === 'error') {
      if (state.code === 'expired-token')
        this.#tokenSource?.then(
          (source) => source.drop(true),
          () => undefined,
        );
      this.dispatchEvent(new PasskeyEnrollErrorEvent({ code: state.code, message: this.#text.errors[state.code] }));
    } else if (state) {
      this.dispatchEvent(new PasskeyEnrollCancelEvent());
    }
  }

  async #signUp(): Promise<Outcome<PasskeyEnrollSuccessDetail>> {
    if (!webAuthnSupported()) return { code: 'unsupported' };
    const attachment = this.authenticatorAttachment;
    if (!this.tenantId || (attachment !== 'platform' && attachment !== 'cross-platform')) {
      return { code: 'configuration' };
    }
    let token = this.#token;
    if (!token && this.tokenUrl) {
      const fetched = await (await this.#tokens()).get();
      if ('code' in fetched) return fetched;
      token = fetched.data;
    }
    // Never call the SDK without a token: it would fall back to the page-wide token cache.
    if (!token) return { code: 'configuration' };
    const { enrollPasskey } = await loadCeremonies();
    return enrollPasskey(
      { tenantId: this.tenantId, baseUrl: this.baseUrl || undefined },
      {
        token,
        username: this.username || undefined,
        displayName: this.displayName || undefined,
        authenticatorAttachment: attachment,
      },
    );
  }

  protected override render() {
    const text = this.#text;
    const working = this.#ceremony.state.status === 'working';
    const { locale, ownDir } = this.#localize;
    const view = ceremonyParts(this, this.#ceremony.state, text, () => this.#enroll());
    return html`<div part="base" class="base" lang=${locale} dir=${ownDir ?? nothing} aria-busy=${working || nothing}>
      ${view.button}
      <p part="status" class="status" role="status">${view.status}</p>
      ${view.error}
    </div>`;
  }
}
